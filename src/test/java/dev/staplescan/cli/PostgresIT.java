package dev.staplescan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.staplescan.lab.Fleet;
import dev.staplescan.lab.Scenario;
import dev.staplescan.store.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The migrations and the job on PostgreSQL through {@code --db-url}: a job run twice (retention
 * prunes the first run), then {@code runs} and {@code trend}. Needs a PostgreSQL server on loopback
 * that lets the test create a database: {@code STAPLESCAN_TEST_PG_URL} (default
 * {@code jdbc:postgresql://127.0.0.1:5432/postgres}) and {@code STAPLESCAN_TEST_PG_USER} (default
 * {@code postgres}). {@code .ci/run} starts a throwaway cluster for it (see the README, "Building and
 * testing by hand"). Without a reachable server it fails when {@code CI=true} (CI can start one, so it
 * must not be skipped there) and is skipped, with that message, elsewhere.
 */
class PostgresIT {

    @TempDir
    Path tmp;

    @Test
    void aJobRunsAndPrunesOnPostgresql() throws Exception {
        String admin = env("STAPLESCAN_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
        String user = env("STAPLESCAN_TEST_PG_USER", "postgres");
        String db = "staplescan_it_" + System.nanoTime();
        try (Connection c = connect(admin, user)) {
            c.createStatement().execute("CREATE DATABASE " + db);
        }
        String url = admin.substring(0, admin.lastIndexOf('/') + 1) + db;
        try (Fleet fleet = Fleet.start(List.of(Scenario.GOOD, Scenario.NO_STAPLE))) {
            LabFiles.write(fleet, tmp);
            Path job = tmp.resolve("pg.yaml");
            Files.writeString(job, """
                    input: hosts.csv
                    scan: {trust: lab-ca.pem, handshake-timeout: 3s}
                    output:
                      directory: out/{run}
                      formats: [csv]
                    retention: {keep-runs: 1}
                    """);
            String[] common = {"--data", tmp.resolve("data").toString(), "--db-url", url, "--db-user", user};

            CliRun first = CliRun.of(args("run", job.toString(), common));
            assertEquals(ExitCodes.POLICY_FAILURES, first.exitCode(), first::toString);
            CliRun second = CliRun.of(args("run", job.toString(), common));
            assertEquals(ExitCodes.POLICY_FAILURES, second.exitCode(), second::toString);
            assertTrue(second.err().contains("retention pruned the details of 1 old run(s)"), second::toString);

            CliRun trend = CliRun.of(args("trend", null, common(common, "--job", "pg")));
            assertEquals(0, trend.exitCode(), trend::toString);
            assertTrue(trend.out().contains("last 2 completed run(s)"), trend::toString);
            assertTrue(CliRun.of(args("runs", null, common)).out().contains("(pruned)"));
            try (Connection c = connect(url, user);
                    ResultSet rs = c.createStatement()
                            .executeQuery("SELECT table_name || '.' || column_name FROM information_schema.columns"
                                    + " WHERE table_schema = 'public' AND table_name LIKE 'ss\\_%'"
                                    + " AND data_type = 'bytea' ORDER BY table_name, column_name")) {
                // the migrations shared with H2 give PostgreSQL its own binary type
                List<String> bytea = new ArrayList<>();
                while (rs.next()) {
                    bytea.add(rs.getString(1));
                }
                assertEquals(List.of("ss_blob.bytes", "ss_blob.hash", "ss_handshake.chain_refs"), bytea);
            }
            try (Connection c = connect(url, user);
                    ResultSet rs =
                            c.createStatement().executeQuery("SELECT COUNT(*) FROM ss_observation WHERE run_id = 1")) {
                rs.next();
                assertEquals(0, rs.getLong(1));
            }
        } finally {
            try (Connection c = connect(admin, user)) {
                c.createStatement().execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
            }
        }
    }

    private static Connection connect(String url, String user) {
        return TestPostgres.connect(url, user);
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    private static String[] common(String[] common, String... more) {
        List<String> all = new ArrayList<>(List.of(common));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    private static String[] args(String command, String arg, String... common) {
        List<String> all = new ArrayList<>();
        all.add(command);
        if (arg != null) {
            all.add(arg);
        }
        all.addAll(List.of(common));
        return all.toArray(String[]::new);
    }
}
