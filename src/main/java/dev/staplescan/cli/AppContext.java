package dev.staplescan.cli;

import dev.staplescan.StaplescanApplication;
import java.io.IOException;
import java.net.ConnectException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the Spring context (database, job repository, audit job) for commands that need it. The
 * data directory holds the log file and, unless another JDBC URL is given, the H2 database.
 */
final class AppContext {

    private AppContext() {}

    static ConfigurableApplicationContext open(Path dataDir) throws IOException {
        return open(Database.h2(dataDir));
    }

    static ConfigurableApplicationContext open(Database db) throws IOException {
        return open(db, true);
    }

    /**
     * Starts the context. {@code shutdownHook} false leaves closing to the caller on SIGTERM (the
     * scheduler first stops its running audits, then closes their contexts).
     */
    static ConfigurableApplicationContext open(Database db, boolean shutdownHook) throws IOException {
        Files.createDirectories(db.dataDir());
        Map<String, Object> props = new HashMap<>();
        // Without our shutdown hook H2 must not close the database from its own: the scheduler's hook
        // first stops the running audit, which still needs the database to record that it stopped.
        props.put(
                "spring.datasource.url",
                db.jdbcUrl() + (db.isDefaultH2() && !shutdownHook ? ";DB_CLOSE_ON_EXIT=FALSE" : ""));
        if (db.isDefaultH2() || db.user() != null) {
            props.put("spring.datasource.username", db.user() != null ? db.user() : "sa");
        }
        if (db.isDefaultH2() || db.password() != null) {
            props.put("spring.datasource.password", db.password() != null ? db.password() : "");
        }
        props.put(
                "logging.file.name",
                db.dataDir().toAbsolutePath().resolve("staplescan.log").toString());
        // The console is the operator's: staplescan prints its own messages; details go to the log file.
        props.put("logging.threshold.console", "OFF");
        SpringApplication app = new SpringApplication(StaplescanApplication.class);
        app.setDefaultProperties(props);
        app.setRegisterShutdownHook(shutdownHook);
        return app.run();
    }

    /**
     * For commands that only read history ({@code runs}, {@code trend}, {@code report}): refuses to
     * create an empty H2 database where there is none, which usually means a wrong {@code --data}.
     */
    static ConfigurableApplicationContext openExisting(Database db) throws IOException {
        if (db.isDefaultH2() && !db.h2FileExists()) {
            throw new MissingDatabaseException(
                    "There is no staplescan database in " + db.dataDir().toAbsolutePath()
                            + " (no " + db.describe() + "): nothing has run with this --data directory yet. "
                            + "Check --data (or $STAPLESCAN_DATA), or start with 'staplescan demo'.");
        }
        return open(db);
    }

    /** The H2 file of a read-only command does not exist. */
    static final class MissingDatabaseException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        MissingDatabaseException(String message) {
            super(message);
        }
    }

    /** Turns a database start-up failure into a sentence an operator can act on. */
    static String explain(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            if (m.contains("Database may be already in use") || m.contains("file is locked")) {
                return "The database is in use by another staplescan process (only one may use a --data directory at a "
                        + "time; a scheduler holds it only while a job runs). Try again when it is done, or use another --data.";
            }
            if (t instanceof MissingDatabaseException
                    || (t instanceof IllegalStateException
                            && (m.contains("newer staplescan") || m.contains("Unsupported database")))) {
                return m;
            }
            if (m.contains("Connection refused")
                    || m.contains("UnknownHostException")
                    || t instanceof ConnectException) {
                return "Cannot connect to the database server (" + m + "). Is it running, and is --db-url right?";
            }
            if (m.contains("password authentication failed") || m.contains("Wrong user name or password")) {
                return "The database refused the login (" + m + "). Check --db-user / $STAPLESCAN_DB_USER and "
                        + "$STAPLESCAN_DB_PASSWORD.";
            }
            if (m.contains("No suitable driver") || m.contains("Driver claims to not accept jdbcUrl")) {
                return "No JDBC driver for that --db-url (staplescan ships H2 and PostgreSQL): " + m;
            }
        }
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return "Cannot start: " + root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
