package dev.staplescan.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where staplescan keeps its data: the data directory (log file, and the H2 database by default)
 * and, when given, any JDBC URL instead of the H2 file.
 *
 * @param dataDir  the data directory ({@code --data})
 * @param url      a JDBC URL ({@code --db-url} or {@code STAPLESCAN_DB_URL}); {@code null} for the H2 file
 * @param user     database user; {@code null} for the driver's default ({@code sa} for the H2 file)
 * @param password database password, from {@code STAPLESCAN_DB_PASSWORD} only (never on a command line,
 *                 where other users could read it); {@code null} for none
 */
public record Database(Path dataDir, String url, String user, String password) {

    /** The H2 file in a data directory. */
    public static Database h2(Path dataDir) {
        return new Database(dataDir, null, null, null);
    }

    /**
     * The JDBC URL to connect to. The H2 file compresses its pages (LZF, {@code COMPRESS=TRUE}): rows
     * of a run repeat the same names, ciphers, codes and messages, and compressed they take about a
     * fifth of the space for little CPU (README, Benchmark). Files written without it stay readable,
     * and files written with it open without it too (each page says how it is stored).
     */
    public String jdbcUrl() {
        return url != null ? url : "jdbc:h2:file:" + h2File() + ";COMPRESS=TRUE";
    }

    /** Whether this is the default H2 file in the data directory. */
    public boolean isDefaultH2() {
        return url == null;
    }

    /** Whether the default H2 file exists (false means no staplescan command has used this directory yet). */
    public boolean h2FileExists() {
        return Files.exists(Path.of(h2File() + ".mv.db"));
    }

    /** The URL without its password, for messages and logs. */
    public String describe() {
        return isDefaultH2() ? h2File() + ".mv.db" : url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    private String h2File() {
        return dataDir.toAbsolutePath().resolve("staplescan").toString();
    }
}
