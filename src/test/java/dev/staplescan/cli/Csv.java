package dev.staplescan.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reads a report CSV the way an analyst's tool would: RFC 4180 with a header row. */
final class Csv {

    private Csv() {}

    static List<CSVRecord> read(Path file) throws IOException {
        return parse(file, CSVParser::getRecords);
    }

    static List<String> header(Path file) throws IOException {
        return parse(file, CSVParser::getHeaderNames);
    }

    /** endpoints.csv's rows by {@code host:port}. */
    static Map<String, CSVRecord> byEndpoint(Path endpointsCsv) throws IOException {
        return read(endpointsCsv).stream()
                .collect(Collectors.toMap(r -> r.get("host") + ":" + r.get("port"), Function.identity()));
    }

    /** The codes of a row's {@code finding_codes} cell, sorted; empty for an empty cell. */
    static Set<String> codes(CSVRecord row) {
        String cell = row.get("finding_codes");
        return cell.isEmpty() ? Set.of() : new TreeSet<>(List.of(cell.split(";")));
    }

    private interface Read<T> {
        T from(CSVParser parser) throws IOException;
    }

    private static <T> T parse(Path file, Read<T> read) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = CSVFormat.RFC4180
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .get()
                        .parse(r)) {
            return read.from(parser);
        }
    }
}
