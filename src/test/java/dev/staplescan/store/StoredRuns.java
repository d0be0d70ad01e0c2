package dev.staplescan.store;

import dev.staplescan.check.Assessment;
import dev.staplescan.input.Target;
import dev.staplescan.scan.Observation;
import dev.staplescan.scan.Outcome;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** Real H2 databases with runs stored the way the audit job stores them, for store tests. */
final class StoredRuns {

    private StoredRuns() {}

    /** A migrated H2 file database in {@code dir}. */
    static JdbcTemplate database(Path dir) {
        JdbcDataSource ds = new JdbcDataSource();
        // Kept open between statements (each opens a connection of its own), not reopened each time.
        ds.setURL("jdbc:h2:file:" + dir.resolve("db") + ";DB_CLOSE_DELAY=1");
        new SchemaMigrations(ds).migrate();
        return new JdbcTemplate(ds);
    }

    /** A new run of {@code list.csv} with each target, an observation of it and its assessment (same order). */
    static long store(JdbcTemplate jdbc, List<Target> targets, List<Assessment> assessments) {
        long run = new RunStore(jdbc).create("list.csv", "default", "test", "", null);
        new TargetStore(jdbc).insertTargets(run, targets);
        new ObservationStore(jdbc, new DataSourceTransactionManager(jdbc.getDataSource()))
                .write(
                        run,
                        targets.stream()
                                .map(t -> new Observation(t, Instant.now(), 1, Outcome.OK, List.of(), List.of(), null))
                                .toList());
        new AssessmentStore(jdbc)
                .write(
                        run,
                        IntStream.range(0, targets.size())
                                .mapToObj(i -> new AssessmentStore.Assessed(
                                        targets.get(i).line(), assessments.get(i)))
                                .toList());
        return run;
    }

    /** A target on line {@code line} with a host name made from it. */
    static Target target(int line, String owner) {
        return new Target(line, "h" + line + ".example", 443, "h" + line + ".example", owner, "prod", "");
    }
}
