package dev.staplescan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.staplescan.lab.Fleet;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scan killed with SIGKILL in a separate JVM, then resumed with {@code --restart}: every
 * endpoint ends with exactly one observation, the endpoints scanned before the kill are not
 * scanned again, and the run is the same run.
 */
class KillAndRestartIT {

    static final int ENDPOINTS = 600;
    static final int CONCURRENCY = 8;

    @TempDir
    Path tmp;

    @Test
    void killedScanResumesWithoutLosingOrRepeatingEndpoints() throws Exception {
        try (Fleet fleet = Fleet.start(List.of(), ENDPOINTS, Duration.ofMillis(60))) {
            LabFiles lab = LabFiles.write(fleet, tmp);
            Path data = lab.data();
            List<String> args = lab.scanArgs("out", "--partitions", "2", "--concurrency", "" + CONCURRENCY);

            // given a scan in another JVM that has scanned part of the list
            Process child = startChild(args);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (fleet.connectionsAccepted() < ENDPOINTS && child.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(child.isAlive(), "the scan finished before it could be killed; make it slower");
            // when it is killed without warning
            child.destroyForcibly(); // SIGKILL on Unix: no shutdown hooks, no cleanup
            child.waitFor(30, TimeUnit.SECONDS);
            long connectionsAtKill = fleet.connectionsAccepted();
            long scannedBefore = count(data, "SELECT COUNT(*) FROM ss_observation");
            assertTrue(scannedBefore > 0 && scannedBefore < ENDPOINTS, "scanned before the kill: " + scannedBefore);

            // and the same command is run again with --restart
            CliRun resumed = CliRun.of(append(args, "--restart"));

            // then the same run completes with every endpoint once
            assertEquals(ExitCodes.CLEAN, resumed.exitCode(), resumed::toString);
            assertTrue(resumed.err().contains("Resuming run 1"), resumed::toString);
            assertEquals(1, count(data, "SELECT COUNT(*) FROM ss_run"));
            assertEquals(ENDPOINTS, count(data, "SELECT COUNT(*) FROM ss_target"));
            assertEquals(ENDPOINTS, count(data, "SELECT COUNT(*) FROM ss_observation"));
            assertEquals(ENDPOINTS, count(data, "SELECT COUNT(*) FROM ss_assessment"));
            List<CSVRecord> rows = Csv.read(tmp.resolve("out").resolve("endpoints.csv"));
            Set<String> unique = new HashSet<>();
            rows.forEach(r -> unique.add(r.get("host") + ":" + r.get("port")));
            assertEquals(ENDPOINTS, rows.size());
            assertEquals(ENDPOINTS, unique.size());
            // each endpoint costs two handshakes (TLS 1.3 and 1.2); only the unscanned ones and the
            // scans that were in flight at the kill may be done again
            long afterRestart = fleet.connectionsAccepted() - connectionsAtKill;
            long allowed = 2 * (ENDPOINTS - scannedBefore) + 2L * CONCURRENCY;
            assertTrue(afterRestart <= allowed, "handshakes after restart " + afterRestart + " > " + allowed);
        }
    }

    private Process startChild(List<String> args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(
                List.of(java, "-cp", System.getProperty("java.class.path"), "dev.staplescan.StaplescanApplication"));
        command.addAll(args);
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(tmp.resolve("child.log").toFile())
                .start();
    }

    private static String[] append(List<String> args, String extra) {
        List<String> all = new ArrayList<>(args);
        all.add(extra);
        return all.toArray(String[]::new);
    }

    private static long count(Path data, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(
                        "jdbc:h2:file:" + data.toAbsolutePath().resolve("staplescan"), "sa", "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
