package dev.staplescan.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --data} and {@code --db-url} options shared by every command that uses the database. */
public final class DataOption {

    @Option(
            names = "--data",
            paramLabel = "DIR",
            defaultValue = "${env:STAPLESCAN_DATA:-${sys:user.home}/.staplescan}",
            description =
                    "Directory of the H2 database and the log file (default: $STAPLESCAN_DATA or ~/.staplescan; now ${DEFAULT-VALUE}).")
    Path dir;

    @Option(
            names = "--db-url",
            paramLabel = "JDBC_URL",
            defaultValue = "${env:STAPLESCAN_DB_URL}",
            description = "Use this database instead of the H2 file in --data, e.g. "
                    + "jdbc:postgresql://db.example/staplescan (default: $STAPLESCAN_DB_URL). The log file stays in --data. "
                    + "User from --db-user or $STAPLESCAN_DB_USER, password from $STAPLESCAN_DB_PASSWORD.")
    String dbUrl;

    @Option(
            names = "--db-user",
            paramLabel = "USER",
            defaultValue = "${env:STAPLESCAN_DB_USER}",
            description = "Database user for --db-url (default: $STAPLESCAN_DB_USER).")
    String dbUser;

    public Path dir() {
        return dir;
    }

    /** The database these options point at. */
    public Database database() {
        String url = dbUrl == null || dbUrl.isBlank() ? null : dbUrl.strip();
        String user = dbUser == null || dbUser.isBlank() ? null : dbUser;
        String password = System.getenv("STAPLESCAN_DB_PASSWORD");
        return new Database(dir, url, user, password == null || password.isEmpty() ? null : password);
    }
}
