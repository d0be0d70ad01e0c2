package dev.staplescan.store;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
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
 * the database platform; versions 2 and up are {@code db/migration/<platform>/V<n>__<name>.sql}.
 * Each applied version is recorded in {@code ss_schema_version}. A database written by a newer
 * staplescan (a version this build does not know) is refused with a clear message rather than
 * being touched.
 */
public final class SchemaMigrations {

    private static final Logger log = LoggerFactory.getLogger(SchemaMigrations.class);
    private static final Pattern FILE = Pattern.compile("V(\\d+)__(.+)\\.sql");

    record Migration(int version, String description, Resource script) {}

    private final DataSource dataSource;

    public SchemaMigrations(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Applies every migration not yet applied, in version order. */
    public void migrate() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        String platform = platform();
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
            if (current == null || m.version() > current) {
                log.info("Applying schema migration {} ({})", m.version(), m.description());
                try (Connection c = dataSource.getConnection()) {
                    ScriptUtils.executeSqlScript(c, m.script());
                } catch (SQLException e) {
                    throw new IllegalStateException(
                            "Schema migration " + m.version() + " failed: " + e.getMessage(), e);
                }
                jdbc.update(
                        "INSERT INTO ss_schema_version (version, description, applied_at) VALUES (?, ?, CURRENT_TIMESTAMP)",
                        m.version(),
                        m.description());
            }
        }
    }

    private String platform() {
        try (Connection c = dataSource.getConnection()) {
            String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            if (product.contains("h2")) {
                return "h2";
            }
            if (product.contains("postgres")) {
                return "postgresql";
            }
            throw new IllegalStateException(
                    "Unsupported database '" + product + "': staplescan supports H2 and PostgreSQL.");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot open the database: " + e.getMessage(), e);
        }
    }

    static List<Migration> migrations(String platform) {
        List<Migration> all = new ArrayList<>();
        all.add(new Migration(
                1,
                "Spring Batch schema",
                new ClassPathResource("org/springframework/batch/core/schema-" + platform + ".sql")));
        try {
            Resource[] found = new PathMatchingResourcePatternResolver()
                    .getResources("classpath*:db/migration/" + platform + "/V*__*.sql");
            for (Resource r : found) {
                Matcher m = FILE.matcher(r.getFilename() == null ? "" : r.getFilename());
                if (m.matches()) {
                    all.add(new Migration(
                            Integer.parseInt(m.group(1)), m.group(2).replace('_', ' '), r));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot list the schema migrations on the classpath", e);
        }
        all.sort(Comparator.comparingInt(Migration::version));
        return all;
    }
}
