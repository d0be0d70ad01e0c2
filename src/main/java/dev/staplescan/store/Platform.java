package dev.staplescan.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * The database products staplescan runs on. Most SQL is the same on both; where it is not (an
 * idempotent insert, a hash function in a migration) the difference is named here or in the
 * platform's migration folder.
 */
enum Platform {
    H2("h2"),
    POSTGRESQL("postgresql");

    /** The folder of its migrations under {@code db/migration/} and the suffix of Spring Batch's schema file. */
    final String folder;

    Platform(String folder) {
        this.folder = folder;
    }

    /** The platform of the database behind {@code dataSource}. */
    static Platform of(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            if (product.contains("h2")) {
                return H2;
            }
            if (product.contains("postgres")) {
                return POSTGRESQL;
            }
            throw new IllegalStateException(
                    "Unsupported database '" + product + "': staplescan supports H2 and PostgreSQL.");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot open the database: " + e.getMessage(), e);
        }
    }

    /**
     * An insert of {@code columns} into {@code table} that does nothing when a row with the same
     * {@code key} exists, also when another transaction inserts it at the same time: H2's {@code
     * MERGE ... KEY} (which rewrites the existing row, and so also locks it until commit) or
     * PostgreSQL's {@code ON CONFLICT DO NOTHING}. The key columns come first in {@code columns}.
     */
    String insertIfAbsent(String table, String columns, String key) {
        String values = "(" + "?, ".repeat(columns.split(",").length - 1) + "?)";
        return switch (this) {
            case H2 -> "MERGE INTO " + table + " (" + columns + ") KEY (" + key + ") VALUES " + values;
            case POSTGRESQL ->
                "INSERT INTO " + table + " (" + columns + ") VALUES " + values + " ON CONFLICT (" + key
                        + ") DO NOTHING";
        };
    }
}
