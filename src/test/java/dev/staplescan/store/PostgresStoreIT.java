package dev.staplescan.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The blob store's scenarios on PostgreSQL, whose SQL (ON CONFLICT, sha256 in migration V7) and
 * locking (a foreign key check takes a key share lock) differ from H2's. Each test gets a database
 * of its own on the server {@code PostgresIT} uses ({@code STAPLESCAN_TEST_PG_URL},
 * {@code STAPLESCAN_TEST_PG_USER}, {@code STAPLESCAN_TEST_PG_PASSWORD}); like it, skipped without a
 * server except under {@code CI=true}.
 */
class PostgresStoreIT {

    private String admin;
    private String user;
    private String name;
    private DriverManagerDataSource ds;

    @BeforeEach
    void createDatabase() throws SQLException {
        admin = env("STAPLESCAN_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
        user = env("STAPLESCAN_TEST_PG_USER", "postgres");
        name = "staplescan_store_" + System.nanoTime();
        try (Connection c = connect(admin);
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        ds = new DriverManagerDataSource(
                admin.substring(0, admin.lastIndexOf('/') + 1) + name,
                user,
                System.getenv("STAPLESCAN_TEST_PG_PASSWORD"));
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        if (name != null) {
            try (Connection c = connect(admin);
                    Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        }
    }

    @Test
    void runsStoredBeforeVersion7ReadBackIdenticallyAfterIt() {
        BlobMigrationTest.runsStoredBeforeVersion7ReadBackIdenticallyAfterIt(ds);
    }

    @Test
    void partitionsAndProcessesWritingTheSameBlobsAtOnceStoreThemOnce() throws Exception {
        ObservationStoreTest.partitionsAndProcessesWritingTheSameBlobsAtOnceStoreThemOnce(migrated());
    }

    @Test
    void aBlobAWriterIsAboutToCommitSurvivesThePruneOfTheLastRunUsingIt() throws Exception {
        RunPrunerTest.aBlobAWriterIsAboutToCommitSurvivesThePruneOfTheLastRunUsingIt(migrated(), Platform.POSTGRESQL);
    }

    private JdbcTemplate migrated() {
        new SchemaMigrations(ds).migrate();
        return new JdbcTemplate(ds);
    }

    private Connection connect(String url) {
        try {
            return TestPostgres.connect(url, user);
        } catch (TestAbortedException skipped) {
            name = null; // nothing to drop
            throw skipped;
        }
    }

    private static String env(String variable, String fallback) {
        String v = System.getenv(variable);
        return v == null || v.isBlank() ? fallback : v;
    }
}
