package dev.staplescan.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a fleet as a host list in the CSV input format (SPEC §3): {@code host,port,sni,owner,
 * environment,tags}. Owners are made-up teams spread over the scenarios so reports have a
 * breakdown to show; tags carry the scenario and the expected verdict for people reading reports.
 */
final class HostListWriter {

    private static final List<String> TEAMS = List.of("payments", "identity", "storefront", "platform", "data");
    private static final String BENCH_OWNER = "bench";

    private HostListWriter() {}

    @SuppressWarnings("EnumOrdinal") // a stable team per scenario, whichever subset of scenarios runs
    static Path write(Path csvFile, List<FleetEndpoint> endpoints, int scenarioCount) {
        CSVFormat format = CSVFormat.RFC4180
                .builder()
                .setHeader("host", "port", "sni", "owner", "environment", "tags")
                .setRecordSeparator("\n")
                .get();
        try {
            Path parent = csvFile.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (Writer out = Files.newBufferedWriter(csvFile, StandardCharsets.UTF_8);
                    CSVPrinter printer = new CSVPrinter(out, format)) {
                for (int i = 0; i < endpoints.size(); i++) {
                    FleetEndpoint e = endpoints.get(i);
                    boolean bench = i >= scenarioCount;
                    String owner = bench ? BENCH_OWNER : TEAMS.get(e.scenario().ordinal() % TEAMS.size());
                    String tags = "lab;" + e.scenario().name().toLowerCase(Locale.ROOT) + ";expect-"
                            + e.expectedVerdict().name().toLowerCase(Locale.ROOT);
                    printer.printRecord(e.address(), e.port(), e.sni(), owner, "lab", tags);
                }
            }
            return csvFile;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write host list " + csvFile, e);
        }
    }
}
