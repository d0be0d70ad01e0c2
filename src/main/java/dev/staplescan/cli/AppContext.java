package dev.staplescan.cli;

import dev.staplescan.StaplescanApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the Spring context (database, job repository, audit job) for commands that need it. The
 * data directory holds the H2 database and the log file.
 */
final class AppContext {

    private AppContext() {
    }

    static ConfigurableApplicationContext open(Path dataDir) throws java.io.IOException {
        Files.createDirectories(dataDir);
        Map<String, Object> props = new HashMap<>();
        String db = dataDir.toAbsolutePath().resolve("staplescan").toString();
        props.put("spring.datasource.url", "jdbc:h2:file:" + db);
        props.put("spring.datasource.username", "sa");
        props.put("spring.datasource.password", "");
        props.put("logging.file.name", dataDir.toAbsolutePath().resolve("staplescan.log").toString());
        // The console is the operator's: staplescan prints its own messages; details go to the log file.
        props.put("logging.threshold.console", "OFF");
        SpringApplication app = new SpringApplication(StaplescanApplication.class);
        app.setDefaultProperties(props);
        return app.run();
    }

    /** Turns a database start-up failure into a sentence an operator can act on. */
    static String explain(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            if (m.contains("Database may be already in use") || m.contains("file is locked")) {
                return "The database is in use by another staplescan process (only one may use a --data directory at a time).";
            }
            if (t instanceof IllegalStateException && m.contains("newer staplescan")) {
                return m;
            }
        }
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return "Cannot start: " + root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
