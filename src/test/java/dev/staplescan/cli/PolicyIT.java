package dev.staplescan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.staplescan.lab.Fleet;
import dev.staplescan.lab.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Policies through the CLI against a small lab fleet: a scan under a built-in policy, then
 * {@code report --run 1 --policy FILE} re-assessing the stored observations (no rescanning), and
 * the errors an operator sees for a wrong policy.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PolicyIT {

    private static final EnumSet<Scenario> SCENARIOS = EnumSet.of(
            Scenario.GOOD,
            Scenario.NO_STAPLE,
            Scenario.MUST_STAPLE_NO_STAPLE,
            Scenario.STALE_STAPLE,
            Scenario.EXPIRING_SOON_STAPLE);

    private Path tmp;
    private Fleet fleet;
    private LabFiles lab;
    private CliRun scan;

    @BeforeAll
    void scanUnderBaselineRequirements(@TempDir Path dir) {
        tmp = dir;
        fleet = Fleet.start(SCENARIOS);
        lab = LabFiles.write(fleet, tmp);
        scan = lab.scan("out", "--policy", "baseline-requirements");
    }

    @AfterAll
    void stopFleet() {
        fleet.close();
    }

    @Test
    @Order(1)
    void theScanRecordsTheBuiltInPolicyAndItsControlsReachFindingsCsv() throws Exception {
        assertEquals(ExitCodes.POLICY_FAILURES, scan.exitCode(), scan::toString);
        assertEquals("baseline-requirements", storedPolicy());
        CSVRecord stale = finding("STAPLE_STALE", Scenario.STALE_STAPLE);
        assertEquals("CABF BR 4.9.10", stale.get("control"));
        assertEquals("MEDIUM", stale.get("severity"));
        assertEquals("", finding("STAPLE_MISSING", Scenario.NO_STAPLE).get("control"));
        assertEquals("FAIL", endpoint(tmp.resolve("out"), Scenario.NO_STAPLE).get("verdict"));
    }

    @Test
    @Order(2)
    void reportWithPolicyReassessesTheStoredRunWithoutRescanning() throws Exception {
        Path policy = Files.writeString(tmp.resolve("lenient.properties"), """
                # STAPLE_MISSING is tolerated on this fleet, and mapped to a control
                name = lenient
                severity.STAPLE_MISSING = LOW
                control.STAPLE_MISSING = PCI-DSS 4.2.1
                """);
        long connectionsBefore = fleet.connectionsAccepted();
        Path again = tmp.resolve("again");

        CliRun report = lab.report(1, "again", "--policy", policy.toString());

        assertEquals(ExitCodes.CLEAN, report.exitCode(), report::toString);
        assertTrue(report.out().contains("re-assessed under policy lenient"), report::toString);
        assertEquals(connectionsBefore, fleet.connectionsAccepted(), "no endpoint was contacted again");
        assertEquals("WARN", endpoint(again, Scenario.NO_STAPLE).get("verdict"));
        assertEquals("STAPLE_MISSING", endpoint(again, Scenario.NO_STAPLE).get("finding_codes"));
        CSVRecord missing = findings(again).stream()
                .filter(r ->
                        r.get("code").equals("STAPLE_MISSING") && r.get("sni").equals(Scenario.NO_STAPLE.sni()))
                .findFirst()
                .orElseThrow();
        assertEquals("LOW", missing.get("severity"));
        assertEquals("PCI-DSS 4.2.1", missing.get("control"));
        // A critical finding elsewhere still fails its endpoint; BR's control is gone with BR.
        assertEquals("FAIL", endpoint(again, Scenario.MUST_STAPLE_NO_STAPLE).get("verdict"));
        assertEquals("", finding(again, "STAPLE_STALE", Scenario.STALE_STAPLE).get("control"));
        assertEquals("lenient", storedPolicy());
        assertEquals(1, count("SELECT COUNT(*) FROM ss_run"), "the re-assessment is no new run");

        Path plain = tmp.resolve("plain");
        CliRun render = lab.report(1, "plain");
        assertEquals(ExitCodes.CLEAN, render.exitCode(), render::toString);
        assertEquals(
                Files.readAllLines(again.resolve("findings.csv")), Files.readAllLines(plain.resolve("findings.csv")));
    }

    @Test
    @Order(3)
    void aWrongPolicyIsAClearErrorWithExitTwo() throws Exception {
        Path typo = Files.writeString(tmp.resolve("typo.properties"), "name = typo\nseverity.STAPLE_MISING = LOW\n");

        CliRun scanWithTypo =
                CliRun.of("scan", "--input", lab.hosts().toString(), "--data", data(), "--policy", typo.toString());
        CliRun reportWithTypo = CliRun.of("report", "--run", "1", "--data", data(), "--policy", typo.toString());
        CliRun unknown = CliRun.of("report", "--run", "1", "--data", data(), "--policy", "strict");

        for (CliRun run : List.of(scanWithTypo, reportWithTypo)) {
            assertEquals(ExitCodes.COULD_NOT_RUN, run.exitCode(), run::toString);
            assertTrue(
                    run.err()
                            .startsWith(
                                    "staplescan: policy " + typo + ", line 2: unknown finding code "
                                            + "'STAPLE_MISING' in key 'severity.STAPLE_MISING' (did you mean severity.STAPLE_MISSING?); codes: "),
                    run::toString);
            assertFalse(run.err().contains("Exception"), run::toString);
        }
        assertEquals(ExitCodes.COULD_NOT_RUN, unknown.exitCode(), unknown::toString);
        assertTrue(
                unknown.err().contains("policy strict: no such readable file, and not a built-in policy"),
                unknown::toString);
        assertEquals(1, count("SELECT COUNT(*) FROM ss_run"), "a wrong policy starts no run");
        assertEquals("lenient", storedPolicy(), "a failed re-assessment changes nothing");
    }

    @Test
    @Order(4)
    void reassessmentNeedsTheRunsTrustBundleOrAnotherOne() throws Exception {
        Path moved = Files.move(lab.trust(), tmp.resolve("moved-ca.pem"));
        try {
            CliRun refused = CliRun.of("report", "--run", "1", "--data", data(), "--policy", "default");
            assertEquals(ExitCodes.COULD_NOT_RUN, refused.exitCode(), refused::toString);
            assertEquals(
                    "staplescan: run 1 was scanned with the trust bundle "
                            + lab.trust().toAbsolutePath().normalize()
                            + ", which is no longer readable; pass it with --trust PEM\n",
                    refused.err());
            assertEquals("lenient", storedPolicy(), "nothing was cleared");

            Path out = tmp.resolve("moved");
            CliRun report = lab.report(1, "moved", "--policy", "default", "--trust", moved.toString());
            assertEquals(ExitCodes.CLEAN, report.exitCode(), report::toString);
            assertEquals("default", storedPolicy());
            assertEquals("", endpoint(out, Scenario.GOOD).get("finding_codes"), "chains still trusted");
            assertEquals("FAIL", endpoint(out, Scenario.NO_STAPLE).get("verdict"));
        } finally {
            Files.move(moved, lab.trust());
        }
    }

    private String data() {
        return lab.data().toString();
    }

    private CSVRecord endpoint(Path dir, Scenario scenario) throws Exception {
        Map<String, CSVRecord> rows = Csv.read(dir.resolve("endpoints.csv")).stream()
                .collect(Collectors.toMap(r -> r.get("sni"), Function.identity()));
        return rows.get(scenario.sni());
    }

    private List<CSVRecord> findings(Path dir) throws Exception {
        return Csv.read(dir.resolve("findings.csv"));
    }

    private CSVRecord finding(String code, Scenario scenario) throws Exception {
        return finding(tmp.resolve("out"), code, scenario);
    }

    private CSVRecord finding(Path dir, String code, Scenario scenario) throws Exception {
        return findings(dir).stream()
                .filter(r -> r.get("code").equals(code) && r.get("sni").equals(scenario.sni()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(code + " for " + scenario + " in " + dir));
    }

    /** Reads the database the CLI left behind (the CLI has closed it). */
    private String storedPolicy() throws Exception {
        try (Connection c = connect();
                ResultSet rs = c.createStatement().executeQuery("SELECT policy FROM ss_run WHERE id = 1")) {
            assertTrue(rs.next());
            return rs.getString(1);
        }
    }

    private long count(String sql) throws Exception {
        try (Connection c = connect();
                ResultSet rs = c.createStatement().executeQuery(sql)) {
            assertTrue(rs.next());
            return rs.getLong(1);
        }
    }

    private Connection connect() throws Exception {
        return DriverManager.getConnection(
                "jdbc:h2:file:" + tmp.resolve("data").resolve("staplescan").toAbsolutePath(), "sa", "");
    }
}
