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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code staplescan run jobs/x.yaml} end to end against the lab fleet on loopback: runs, the job
 * name on each run, retention pruning details but keeping summaries, {@code runs} and {@code trend}
 * from the summaries, and a run that failed on an unusable list not being resumed. The tests build on
 * each other, in order, on one database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RunJobIT {

    private Path tmp;
    private Fleet fleet;
    private Path job;
    private Path data;

    @BeforeAll
    void fleetAndDefinition(@TempDir Path dir) throws Exception {
        tmp = dir;
        fleet = Fleet.start(List.of(Scenario.GOOD, Scenario.NO_STAPLE, Scenario.REVOKED, Scenario.CLOSED_PORT));
        fleet.writeHostList(tmp.resolve("lists/fleet.csv"));
        fleet.writeTrustBundle(tmp.resolve("lab-ca.pem"));
        data = tmp.resolve("data");
        job = tmp.resolve("jobs/lab-fleet.yaml");
        Files.createDirectories(job.getParent());
        Files.writeString(job, """
                description: the lab fleet
                input: ../lists/fleet.csv
                schedule: "0 3 * * *"
                scan:
                  partitions: 2
                  concurrency: 16
                  connect-timeout: 2s
                  handshake-timeout: 3s
                  trust: ../lab-ca.pem
                output:
                  directory: ../reports/{name}/run-{run}
                  formats: [csv]
                retention:
                  keep-runs: 1
                """);
    }

    /** {@code run} of the lab fleet's job, which completes with failing endpoints (the fleet has some). */
    private CliRun runTheJob() {
        CliRun run = cli("run", job.toString());
        assertEquals(ExitCodes.POLICY_FAILURES, run.exitCode(), run::toString);
        return run;
    }

    /** The command on this test's database ({@code --data}). */
    private CliRun cli(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--data", data.toString()));
        return CliRun.of(all.toArray(String[]::new));
    }

    @AfterAll
    void stopFleet() {
        fleet.close();
    }

    @Test
    @Order(1)
    void runScansTheDefinitionsListAndWritesItsFormats() throws Exception {
        CliRun run = runTheJob();
        assertTrue(run.out().startsWith("run 1: 4 endpoints"), run::toString);
        assertTrue(
                run.err().contains("job lab-fleet: starting a run of " + tmp.resolve("lists/fleet.csv")),
                run::toString);
        Path reports = tmp.resolve("reports/lab-fleet/run-1");
        assertEquals(4, Csv.read(reports.resolve("endpoints.csv")).size());
        assertFalse(Files.exists(reports.resolve("report.pdf")), "formats: [csv] only");
        assertEquals("lab-fleet", query("SELECT job FROM ss_run WHERE id = 1"));
        assertEquals("4", query("SELECT endpoints FROM ss_run_summary WHERE run_id = 1"));
    }

    @Test
    @Order(2)
    void theNextRunPrunesTheFirstButKeepsItsSummary() throws Exception {
        CliRun run = runTheJob();
        assertTrue(run.err().contains("retention pruned the details of 1 old run(s)"), run::toString);
        for (String table : List.of(
                "ss_target",
                "ss_observation",
                "ss_handshake",
                "ss_responder_answer",
                "ss_run_blob",
                "ss_assessment",
                "ss_finding")) {
            assertEquals("0", query("SELECT COUNT(*) FROM " + table + " WHERE run_id = 1"), table);
            assertEquals("TRUE", query("SELECT COUNT(*) > 0 FROM " + table + " WHERE run_id = 2"), table);
        }
        // the blobs only run 1 used (its responder answers, fetched anew by run 2) went with it
        assertEquals(
                "0",
                query("SELECT COUNT(*) FROM ss_blob b WHERE NOT EXISTS "
                        + "(SELECT 1 FROM ss_run_blob r WHERE r.blob_id = b.id)"));
        assertEquals("2", query("SELECT COUNT(*) FROM ss_run_summary"));
        assertEquals("TRUE", query("SELECT pruned_at IS NOT NULL FROM ss_run WHERE id = 1"));

        CliRun runs = cli("runs");
        assertTrue(
                runs.out()
                        .lines()
                        .anyMatch(l -> l.startsWith("1 ")
                                && l.contains("lab-fleet")
                                && l.contains("(pruned)")
                                && l.matches(".*\\s4\\s+1\\s+0\\s+2\\s+1\\s+3\\s+50\\.0\\s+25\\.0\\s+0 .*")),
                runs::toString);

        CliRun trend = cli("trend", "--job", "lab-fleet");
        assertEquals(0, trend.exitCode(), trend::toString);
        assertTrue(trend.out().contains("Trend of job lab-fleet: last 2 completed run(s)"), trend::toString);
        assertTrue(trend.out().lines().anyMatch(l -> l.startsWith("2 ") && l.contains("   =  ")), trend::toString);

        CliRun report = cli("report", "--run", "1");
        assertEquals(ExitCodes.COULD_NOT_RUN, report.exitCode());
        assertTrue(report.err().contains("were deleted by its job's retention"), report::toString);
    }

    @Test
    @Order(3)
    void aRunFailedOnAnUnusableListIsNotResumedButReplaced() throws Exception {
        Path bad = tmp.resolve("jobs/bad-list.yaml");
        Files.writeString(tmp.resolve("lists/bad.txt"), "https://not-a-host/\n*.wildcard.test\n");
        Files.writeString(bad, "input: ../lists/bad.txt\noutput:\n  directory: ../reports/bad\n");
        CliRun first = cli("run", bad.toString());
        assertEquals(ExitCodes.COULD_NOT_RUN, first.exitCode(), first::toString);
        assertTrue(first.err().contains("(INPUT)") && first.err().contains("not resumable"), first::toString);
        assertEquals("INPUT", query("SELECT failure_kind FROM ss_run WHERE job = 'bad-list'"));

        CliRun second = cli("run", bad.toString());
        assertEquals(ExitCodes.COULD_NOT_RUN, second.exitCode(), second::toString);
        assertFalse(second.err().contains("resuming"), second::toString);
        assertEquals("2", query("SELECT COUNT(*) FROM ss_run WHERE job = 'bad-list'"));
    }

    @Test
    @Order(4)
    void aBadDefinitionOrAMissingListCannotRun() throws Exception {
        Path wrong = tmp.resolve("jobs/wrong.yaml");
        Files.writeString(wrong, "input: ../lists/fleet.csv\nscan:\n  partitions: lots\n");
        CliRun run = cli("run", wrong.toString());
        assertEquals(ExitCodes.COULD_NOT_RUN, run.exitCode());
        assertTrue(
                run.err().contains(wrong + ": scan.partitions: must be a whole number from 1 to 256, not 'lots'"),
                run::toString);
        assertTrue(run.err().contains(wrong + ": output.directory: is required"), run::toString);

        Path missing = tmp.resolve("jobs/missing.yaml");
        Files.writeString(missing, "input: ../lists/nope.csv\noutput:\n  directory: ../reports/x\n");
        CliRun none = cli("run", missing.toString());
        assertEquals(ExitCodes.COULD_NOT_RUN, none.exitCode());
        assertTrue(none.err().contains("cannot read " + tmp.resolve("lists/nope.csv")), none::toString);
    }

    private String query(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(
                        "jdbc:h2:file:" + data.toAbsolutePath().resolve("staplescan"), "sa", "");
                ResultSet rs = c.createStatement().executeQuery(sql)) {
            assertTrue(rs.next(), sql);
            return rs.getString(1);
        }
    }
}
