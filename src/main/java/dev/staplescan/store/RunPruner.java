package dev.staplescan.store;

import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Deletes a run's details (targets, rejections, observations, handshakes, assessments, findings)
 * while keeping its {@code ss_run} row and its {@code ss_run_summary}, so run history and trends
 * survive retention. Which runs to prune is decided elsewhere ({@code jobs.Retention}).
 */
public final class RunPruner {

    private static final Logger log = LoggerFactory.getLogger(RunPruner.class);
    /** Children first. Every table is keyed by (run_id, line, ...). */
    private static final String[] DETAIL_TABLES = {
        "ss_finding", "ss_assessment", "ss_handshake", "ss_observation", "ss_rejection", "ss_target"
    };
    /**
     * Lines deleted per statement: a million-row run deleted in one statement would make one huge
     * transaction (memory, locks); slices keep each one small and let the work stop midway safely.
     */
    static final long SLICE = 50_000;

    private final JdbcTemplate jdbc;
    private final RunStore runs;
    private final RunSummaryStore summaries;

    public RunPruner(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.runs = new RunStore(jdbc);
        this.summaries = new RunSummaryStore(jdbc);
    }

    /** Prunes one run; returns the number of rows deleted. A completed run gets its summary first. */
    public long prune(RunStore.Run run) {
        if (run.prunedAt() != null) {
            return 0;
        }
        if (run.completed()) {
            summaries.findOrCompute(run); // never lose the figures with the details
        }
        long deleted = 0;
        for (String table : DETAIL_TABLES) {
            Long max =
                    jdbc.queryForObject("SELECT MAX(line) FROM " + table + " WHERE run_id = ?", Long.class, run.id());
            for (long from = 0; max != null && from <= max; from += SLICE) {
                deleted += jdbc.update(
                        "DELETE FROM " + table + " WHERE run_id = ? AND line >= ? AND line < ?",
                        run.id(),
                        from,
                        from + SLICE);
            }
        }
        runs.markPruned(run.id(), Instant.now());
        log.info("Pruned run {} ({}): {} detail rows deleted, summary kept", run.id(), run.input(), deleted);
        return deleted;
    }
}
