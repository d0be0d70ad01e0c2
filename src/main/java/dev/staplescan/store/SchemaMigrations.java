package dev.staplescan.store;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * Versioned schema migrations (SPEC §6: no ad-hoc DDL). Version 1 is Spring Batch's own schema for
 * the database platform; versions 2 and up are SQL scripts named {@code V<n>__<name>.sql} (the name,
 * underscores read as spaces, is the description recorded with the version).
 *
 * <p>Where a new migration goes:
 *
 * <ul>
 *   <li>{@code db/migration/common/}: the normal place. One script runs unchanged on H2 and
 *       PostgreSQL; write SQL both accept (binary columns are {@code BYTEA}, which H2 reads as
 *       {@code BINARY VARYING} of its largest size, the same as {@code VARBINARY} without a length).
 *   <li>{@code db/migration/h2/} and {@code db/migration/postgresql/}: only where the SQL truly
 *       differs. A script there overrides the common script of the same file name on its platform;
 *       a version with no common script needs one in every platform folder.
 *       {@code SchemaMigrationsTest} fails when a platform script is the same SQL as its counterpart
 *       (move it to {@code common/}).
 * </ul>
 *
 * <p>Each applied version is recorded in {@code ss_schema_version} (no checksums: an applied script
 * is never edited, a change is a new version). A database written by a newer staplescan (a version
 * this build does not know) is refused with a clear message rather than being touched. Versions 2 to
 * 6 lived in two platform folders until they were merged into {@code common/} with the same SQL, so
 * databases already at those versions are unaffected.
 */
public final class SchemaMigrations {

    private static final Logger log = LoggerFactory.getLogger(SchemaMigrations.class);
    private static final Pattern FILE = Pattern.compile("V(\\d+)__(.+)\\.sql");

    /** The folder of the scripts that run on every platform. */
    static final String COMMON = "common";

    /** The platforms staplescan migrates, named as their folders and Spring Batch's schema files. */
    static final List<String> PLATFORMS =
            Arrays.stream(Platform.values()).map(p -> p.folder).toList();

    record Migration(int version, String description, Resource script) {
        /** The script's file name, {@code V<n>__<name>.sql}. */
        String fileName() {
            return "V" + version + "__" + description.replace(' ', '_') + ".sql";
        }
    }

    private final DataSource dataSource;

    public SchemaMigrations(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Applies every migration not yet applied, in version order. */
    public void migrate() {
        migrateTo(Integer.MAX_VALUE);
    }

    /**
     * Applies the migrations not yet applied up to {@code version}: tests build a database as an older
     * staplescan left it, then migrate it the rest of the way.
     */
    void migrateTo(int version) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        String platform = Platform.of(dataSource).folder;
        List<Migration> migrations = migrations(platform);
        jdbc.execute("CREATE TABLE IF NOT EXISTS ss_schema_version (version INT PRIMARY KEY, "
                + "description VARCHAR(200) NOT NULL, applied_at TIMESTAMP WITH TIME ZONE NOT NULL)");
        Integer current = jdbc.queryForObject("SELECT COALESCE(MAX(version), 0) FROM ss_schema_version", Integer.class);
        int known = migrations.get(migrations.size() - 1).version();
        if (current != null && current > known) {
            throw new IllegalStateException("The database was written by a newer staplescan (schema version " + current
                    + "; this version knows up to " + known + "). Upgrade staplescan or use another --data directory.");
        }
        for (Migration m : migrations) {
            if ((current == null || m.version() > current) && m.version() <= version) {
                log.info("Applying schema migration {} ({})", m.version(), m.description());
                apply(m);
            }
        }
    }

    /**
     * Runs one script and records its version in one transaction: on PostgreSQL, whose DDL is
     * transactional, a migration that fails (or is killed) midway leaves nothing behind and is simply
     * run again; H2 commits each DDL statement, so there only the data statements roll back.
     */
    private void apply(Migration m) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                ScriptUtils.executeSqlScript(c, m.script());
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO ss_schema_version "
                        + "(version, description, applied_at) VALUES (?, ?, CURRENT_TIMESTAMP)")) {
                    ps.setInt(1, m.version());
                    ps.setString(2, m.description());
                    ps.executeUpdate();
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Schema migration " + m.version() + " failed: " + e.getMessage(), e);
        }
    }

    static List<Migration> migrations(String platform) {
        List<Migration> all = new ArrayList<>();
        all.add(new Migration(
                1,
                "Spring Batch schema",
                new ClassPathResource("org/springframework/batch/core/schema-" + platform + ".sql")));
        Map<Integer, Migration> common = scripts(COMMON);
        Map<String, Map<Integer, Migration>> byPlatform = new TreeMap<>();
        PLATFORMS.forEach(p -> byPlatform.put(p, scripts(p)));
        checkLayout(common, byPlatform);
        Map<Integer, Migration> merged = new TreeMap<>(common);
        merged.putAll(byPlatform.getOrDefault(platform, Map.of())); // a platform script overrides
        all.addAll(merged.values());
        return all;
    }

    /**
     * Fails when the folders do not follow the layout in the class comment: a platform script
     * overriding a common one has its file name, and a version that is not common is in every
     * platform folder under the same name (a version missing on one platform would leave its
     * databases behind).
     */
    static void checkLayout(Map<Integer, Migration> common, Map<String, Map<Integer, Migration>> byPlatform) {
        byPlatform.forEach((folder, scripts) -> scripts.values().forEach(m -> {
            Migration base = common.get(m.version());
            if (base != null) {
                if (!base.description().equals(m.description())) {
                    throw new IllegalStateException("Schema migration " + m.fileName() + " in db/migration/" + folder
                            + " overrides " + base.fileName() + " in db/migration/" + COMMON
                            + ": an override keeps the file name.");
                }
                return;
            }
            byPlatform.forEach((other, theirs) -> {
                Migration twin = theirs.get(m.version());
                if (twin == null || !twin.description().equals(m.description())) {
                    throw new IllegalStateException("Schema migration " + m.fileName()
                            + " in db/migration/" + folder + " needs a script of the same name in db/migration/"
                            + other + " (or, where the SQL is the same, one script in db/migration/" + COMMON
                            + " instead).");
                }
            });
        }));
    }

    /** The scripts of one folder under {@code db/migration/}, by version. */
    static Map<Integer, Migration> scripts(String folder) {
        Map<Integer, Migration> found = new TreeMap<>();
        try {
            for (Resource r : new PathMatchingResourcePatternResolver()
                    .getResources("classpath*:db/migration/" + folder + "/V*__*.sql")) {
                Matcher m = FILE.matcher(r.getFilename() == null ? "" : r.getFilename());
                if (m.matches()) {
                    Migration migration = new Migration(
                            Integer.parseInt(m.group(1)), m.group(2).replace('_', ' '), r);
                    Migration clash = found.put(migration.version(), migration);
                    if (clash != null) {
                        throw new IllegalStateException("Two schema migrations numbered " + migration.version()
                                + " in db/migration/" + folder + ": "
                                + clash.script().getFilename() + " and "
                                + r.getFilename());
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot list the schema migrations on the classpath", e);
        }
        return found;
    }
}
