package dev.staplescan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.staplescan.check.FindingCode;
import dev.staplescan.lab.Fleet;
import dev.staplescan.lab.FleetEndpoint;
import dev.staplescan.lab.Scenario;
import dev.staplescan.scan.TlsVersion;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code scan --tls 1.3} and {@code scan --tls 1.2} over the whole lab fleet: each scenario gets
 * exactly the codes it should under that version alone ({@link Scenario#expectedCodes(Set)}).
 * Each version scans a fleet of its own, so the cold-cache scenario meets its first client.
 */
class TlsVersionMatrixIT {

    @ParameterizedTest(name = "--tls {0}")
    @CsvSource({"1.3, TLS_1_3", "1.2, TLS_1_2"})
    void everyScenarioGetsItsCodesUnderOneVersion(String option, TlsVersion version, @TempDir Path tmp)
            throws Exception {
        Set<TlsVersion> versions = EnumSet.of(version);
        try (Fleet fleet = Fleet.start(Arrays.asList(Scenario.values()))) {
            LabFiles lab = LabFiles.write(fleet, tmp);
            Path out = tmp.resolve("out");

            CliRun scan = lab.scan("out", "--handshakes", "2", "--tls", option);

            assertEquals(ExitCodes.POLICY_FAILURES, scan.exitCode(), scan::toString);
            Map<String, CSVRecord> rows = Csv.byEndpoint(out.resolve("endpoints.csv"));
            StringBuilder wrong = new StringBuilder();
            for (FleetEndpoint e : fleet.endpoints()) {
                CSVRecord r = rows.get(e.endpoint());
                Set<String> codes = Csv.codes(r);
                Set<String> expected = e.scenario().expectedCodes(versions).stream()
                        .map(FindingCode::name)
                        .collect(Collectors.toCollection(TreeSet::new));
                String verdict = e.scenario().expectedVerdict(versions).name();
                if (!r.get("verdict").equals(verdict) || !codes.equals(expected)) {
                    wrong.append(String.format(
                            "%s: got %s %s, expected %s %s%n",
                            e.scenario(), r.get("verdict"), codes, verdict, expected));
                }
                if (!r.get("protocols").isEmpty()) {
                    assertEquals(version.jsseName(), r.get("protocols"), e.scenario() + " asked only for " + option);
                }
            }
            assertTrue(wrong.isEmpty(), "under --tls " + option + ":\n" + wrong);
        }
    }
}
