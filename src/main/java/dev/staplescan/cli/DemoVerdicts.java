package dev.staplescan.cli;

import dev.staplescan.check.FindingCode;
import dev.staplescan.lab.FleetEndpoint;
import dev.staplescan.report.EndpointRow;
import dev.staplescan.store.JdbcRunData;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/** The demo's table: each lab endpoint's verdict and codes next to what its scenario should produce. */
final class DemoVerdicts {

    private DemoVerdicts() {}

    /** Prints the table and returns how many endpoints differ from their scenario's expectation. */
    static int print(JdbcTemplate jdbc, long runId, List<FleetEndpoint> fleet, PrintStream out) {
        Map<String, EndpointRow> rows = new HashMap<>();
        new JdbcRunData(jdbc, runId)
                .forEachEndpoint(r -> rows.put(key(r.target().host(), r.target().port()), r));
        out.printf("%-22s %-7s %-7s %-5s %s%n", "SCENARIO", "VERDICT", "EXPECT", "MATCH", "FINDING CODES");
        int mismatches = 0;
        for (FleetEndpoint e : fleet) {
            EndpointRow r = rows.get(key(e.address(), e.port()));
            Set<String> got = r == null
                    ? Set.of()
                    : r.findings().stream().map(f -> f.code().name()).collect(Collectors.toCollection(TreeSet::new));
            Set<String> want =
                    e.expectedCodes().stream().map(FindingCode::name).collect(Collectors.toCollection(TreeSet::new));
            boolean match = r != null && r.verdict() == e.expectedVerdict() && got.equals(want);
            mismatches += match ? 0 : 1;
            out.printf(
                    "%-22s %-7s %-7s %-5s %s%s%n",
                    e.scenario().name(),
                    r == null ? "-" : r.verdict(),
                    e.expectedVerdict(),
                    match ? "yes" : "NO",
                    String.join(";", got),
                    match ? "" : "   (expected " + String.join(";", want) + ")");
        }
        out.println(
                mismatches == 0
                        ? "demo: every endpoint got the verdict and codes its scenario expects."
                        : "demo: " + mismatches + " endpoint(s) differ from their scenario's expectation (marked NO).");
        return mismatches;
    }

    private static String key(String host, int port) {
        return host + ":" + port;
    }
}
