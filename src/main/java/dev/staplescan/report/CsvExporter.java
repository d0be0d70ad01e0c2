package dev.staplescan.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes the CSV files of SPEC §7 ({@code endpoints.csv}, {@code findings.csv},
 * {@code rejections.csv}) for one run. Columns are listed in {@link CsvColumns}.
 *
 * <p>Format: RFC 4180 (comma, double quotes where needed, CRLF line ends), UTF-8, one header row,
 * optionally preceded by a UTF-8 byte order mark so that Excel detects the encoding. Rows are
 * streamed from {@link RunData} straight to the file, so memory does not grow with the run. Each
 * file is written under a temporary name and moved into place when complete: a script polling the
 * directory never reads half a file.
 */
public final class CsvExporter {

    /** File name of the per-endpoint CSV. */
    public static final String ENDPOINTS_FILE = "endpoints.csv";
    /** File name of the per-finding CSV. */
    public static final String FINDINGS_FILE = "findings.csv";
    /** File name of the rejected-lines CSV. */
    public static final String REJECTIONS_FILE = "rejections.csv";

    private static final char BOM = '\uFEFF';

    private final boolean withBom;

    /**
     * @param withBom true to start each file with a UTF-8 byte order mark (for Excel, which
     *                otherwise reads UTF-8 as the local code page)
     */
    public CsvExporter(boolean withBom) {
        this.withBom = withBom;
    }

    /** An exporter without byte order mark. */
    public CsvExporter() {
        this(false);
    }

    /** Writes the three files into {@code directory}, creating it if needed. */
    public void export(RunData data, Path directory) throws IOException {
        Files.createDirectories(directory);
        writeEndpoints(data, directory.resolve(ENDPOINTS_FILE));
        writeFindings(data, directory.resolve(FINDINGS_FILE));
        writeRejections(data, directory.resolve(REJECTIONS_FILE));
    }

    /** Writes one row per endpoint to {@code file}. */
    public void writeEndpoints(RunData data, Path file) throws IOException {
        write(file, CsvColumns.ENDPOINTS, out -> data.forEachEndpoint(row -> print(out, CsvColumns.endpoint(row))));
    }

    /** Writes one row per finding to {@code file}. */
    public void writeFindings(RunData data, Path file) throws IOException {
        write(file, CsvColumns.FINDINGS, out -> data.forEachEndpoint(
                row -> row.findings().forEach(f -> print(out, CsvColumns.finding(row.target(), f)))));
    }

    /** Writes one row per rejected host-list line to {@code file}. */
    public void writeRejections(RunData data, Path file) throws IOException {
        write(file, CsvColumns.REJECTIONS, out -> data.forEachRejection(r -> print(out, CsvColumns.rejection(r))));
    }

    /** What fills a file once its header is written. */
    private interface Rows {
        void writeTo(CSVPrinter out);
    }

    private void write(Path file, List<String> header, Rows rows) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            try (Writer w = new BufferedWriter(Files.newBufferedWriter(tmp, StandardCharsets.UTF_8), 1 << 16)) {
                if (withBom) {
                    w.write(BOM);
                }
                CSVFormat format = CSVFormat.RFC4180.builder()
                        .setHeader(header.toArray(String[]::new))
                        .get();
                try (CSVPrinter out = new CSVPrinter(w, format)) {
                    rows.writeTo(out);
                }
            } catch (UncheckedIOException e) {
                // printRecord's IOException had to cross RunData's Consumer callbacks unchecked
                throw e.getCause();
            }
            moveIntoPlace(tmp, file);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void print(CSVPrinter out, List<Object> cells) {
        try {
            out.printRecord(cells);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void moveIntoPlace(Path tmp, Path file) throws IOException {
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            // some file systems (e.g. network mounts) cannot rename atomically; a plain move is the best left
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
