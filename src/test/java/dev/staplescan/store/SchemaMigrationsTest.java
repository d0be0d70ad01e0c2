package dev.staplescan.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.staplescan.store.SchemaMigrations.Migration;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The migration folders (one common set, platform folders only where the SQL differs) and the schema
 * they give a fresh H2 database. {@code PostgresIT} checks the same columns on PostgreSQL.
 */
class SchemaMigrationsTest {

    @TempDir
    Path dir;

    @Test
    void freshH2GetsEveryVersionAndTheBinaryColumnsAsBefore() {
        // given a fresh H2 database
        JdbcDataSource ds = h2("fresh");

        // when it is migrated
        new SchemaMigrations(ds).migrate();

        // then every version is recorded, and the binary columns are H2's largest BINARY VARYING,
        // what VARBINARY without a length gave before the scripts were shared with PostgreSQL
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        assertEquals(
                List.of(
                        "1 Spring Batch schema",
                        "2 staplescan tables",
                        "3 responder answers",
                        "4 finding control",
                        "5 run history",
                        "6 stapled per version",
                        "7 content addressed blobs"),
                jdbc.queryForList(
                        "SELECT CAST(version AS VARCHAR) || ' ' || description FROM ss_schema_version ORDER BY version",
                        String.class));
        assertEquals(
                List.of(
                        "SS_BLOB.BYTES BINARY VARYING 1000000000",
                        "SS_BLOB.HASH BINARY VARYING 1000000000",
                        "SS_HANDSHAKE.CHAIN_REFS BINARY VARYING 1000000000"),
                jdbc.queryForList(
                        "SELECT TABLE_NAME || '.' || COLUMN_NAME || ' ' || DATA_TYPE || ' ' || CHARACTER_MAXIMUM_LENGTH"
                                + " FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = 'PUBLIC'"
                                + " AND TABLE_NAME LIKE 'SS\\_%' AND DATA_TYPE LIKE '%BINARY%'"
                                + " ORDER BY TABLE_NAME, COLUMN_NAME",
                        String.class));
    }

    @Test
    void aDatabaseAtTheLatestVersionIsLeftAsItIs() {
        // given a migrated database with a run in it
        JdbcDataSource ds = h2("current");
        new SchemaMigrations(ds).migrate();
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        long run = new RunStore(jdbc).create("list.csv", "default", "test", "", null);

        // when it is migrated again
        new SchemaMigrations(ds).migrate();

        // then nothing was applied twice and the data is still there
        assertEquals(7, jdbc.queryForObject("SELECT COUNT(*) FROM ss_schema_version", Integer.class));
        assertEquals(1, jdbc.queryForObject("SELECT COUNT(*) FROM ss_run WHERE id = ?", Integer.class, run));
    }

    @Test
    void aDatabaseFromANewerStaplescanIsRefused() {
        JdbcDataSource ds = h2("newer");
        new SchemaMigrations(ds).migrate();
        new JdbcTemplate(ds)
                .update("INSERT INTO ss_schema_version (version, description, applied_at) "
                        + "VALUES (999, 'from the future', CURRENT_TIMESTAMP)");

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new SchemaMigrations(ds).migrate());
        assertTrue(e.getMessage().contains("newer staplescan (schema version 999"), e.getMessage());
    }

    @Test
    void bothPlatformsGetTheSameVersionsUnderTheSameNames() {
        assertEquals(names(SchemaMigrations.migrations("h2")), names(SchemaMigrations.migrations("postgresql")));
    }

    @Test
    void aPlatformFolderHoldsOnlyScriptsWhoseSqlDiffers() throws IOException {
        Map<Integer, Migration> common = SchemaMigrations.scripts(SchemaMigrations.COMMON);
        for (String platform : SchemaMigrations.PLATFORMS) {
            for (Migration m : SchemaMigrations.scripts(platform).values()) {
                // compared with the common script it overrides, else with the other platforms' scripts
                List<Migration> counterparts = common.containsKey(m.version())
                        ? List.of(common.get(m.version()))
                        : SchemaMigrations.PLATFORMS.stream()
                                .filter(other -> !other.equals(platform))
                                .map(other -> SchemaMigrations.scripts(other).get(m.version()))
                                .toList();
                for (Migration counterpart : counterparts) {
                    assertNotEquals(
                            sql(counterpart),
                            sql(m),
                            platform + "/" + m.fileName() + " is the same SQL as its counterpart: keep one script in"
                                    + " db/migration/common (or, if neither is yours, the build output is stale: mvn clean)");
                }
            }
        }
    }

    @Test
    void scriptsCompareWithoutTheirComments() throws IOException {
        // the comparison above must not be fooled by a different header comment or layout
        assertEquals(
                sql(script(2, "-- H2 flavour\nCREATE TABLE t (a INT); -- note\n")),
                sql(script(2, "-- PostgreSQL flavour\nCREATE TABLE t (\n  a INT\n);\n")));
        assertNotEquals(sql(script(2, "CREATE TABLE t (a VARBINARY);")), sql(script(2, "CREATE TABLE t (a BYTEA);")));
    }

    @Test
    void aVersionOnOnePlatformOnlyIsRefused() {
        Map<Integer, Migration> common = Map.of(2, script(2, "CREATE TABLE t (a INT);"));
        Map<String, Map<Integer, Migration>> platforms = new TreeMap<>();
        platforms.put("h2", Map.of(7, script(7, "ALTER TABLE t ADD b VARBINARY;")));
        platforms.put("postgresql", Map.of());
        IllegalStateException missing =
                assertThrows(IllegalStateException.class, () -> SchemaMigrations.checkLayout(common, platforms));
        assertTrue(missing.getMessage()
                .contains("V7__test.sql in db/migration/h2 needs a script of the same name"
                        + " in db/migration/postgresql"));

        platforms.put("postgresql", Map.of(7, script(7, "ALTER TABLE t ADD b BYTEA;")));
        SchemaMigrations.checkLayout(common, platforms); // one script per platform: fine
    }

    @Test
    void aPlatformScriptOverridesTheCommonOneOfTheSameName() {
        Map<Integer, Migration> common = Map.of(7, script(7, "ALTER TABLE t ADD b BYTEA;"));
        Map<String, Map<Integer, Migration>> platforms = new TreeMap<>();
        platforms.put("h2", Map.of(7, script(7, "ALTER TABLE t ADD b VARBINARY(100);")));
        platforms.put("postgresql", Map.of());
        SchemaMigrations.checkLayout(common, platforms); // an override on one platform only: fine

        platforms.put(
                "h2", Map.of(7, new Migration(7, "other name", script(7, "").script())));
        IllegalStateException renamed =
                assertThrows(IllegalStateException.class, () -> SchemaMigrations.checkLayout(common, platforms));
        assertTrue(
                renamed.getMessage().contains("V7__other_name.sql in db/migration/h2 overrides V7__test.sql"),
                renamed.getMessage());
    }

    private JdbcDataSource h2(String name) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + dir.resolve(name));
        return ds;
    }

    private static List<String> names(List<Migration> migrations) {
        return migrations.stream().map(m -> m.version() + " " + m.description()).toList();
    }

    private static Migration script(int version, String sql) {
        return new Migration(version, "test", new ByteArrayResource(sql.getBytes(StandardCharsets.UTF_8)));
    }

    /** The script without comments and with white space folded: what the database executes. */
    private static String sql(Migration m) throws IOException {
        String text = m.script().getContentAsString(StandardCharsets.UTF_8);
        String stripped = text.lines().map(l -> l.replaceAll("--.*$", "")).reduce("", (a, b) -> a + " " + b);
        String folded = stripped.replaceAll("\\s+", " ")
                .replaceAll(" ?([(),;]) ?", "$1")
                .trim();
        assertFalse(folded.isEmpty(), m.fileName() + " has no SQL");
        return folded;
    }
}
