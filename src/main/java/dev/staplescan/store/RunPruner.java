package dev.staplescan.store;

import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Deletes a run's details (targets, rejections, observations, handshakes, responder answers,
 * assessments, findings) and then the certificates, staples and responder answers stored for it that
 * no other run refers to ({@link BlobStore#release}), while keeping its {@code ss_run} row and its
 * {@code ss_run_summary}, so run history and trends survive retention. Which runs to prune is decided
 * elsewhere ({@code jobs.Retention}, which never picks a run that may still be resumed).
 */
public final class RunPruner {

    private static final Logger log = LoggerFactory.getLogger(RunPruner.class);
    /** Children first. Every table is keyed by (run_id, line, ...). */
    private static final String[] DETAIL_TABLES = {
        "ss_finding",
        "ss_assessment",
        "ss_handshake",
        "ss_responder_answer",
        "ss_observation",
        "ss_rejection",
        "ss_target"
    };
    /**
     * Lines deleted per statement: a million-row run deleted in one statement would make one huge
     * transaction (memory, locks); slices keep each one small and let the work stop midway safely.
     */
    static final long SLICE = 50_000;

    private final JdbcTemplate jdbc;
    private final RunStore runs;
    private final RunSummaryStore summaries;
    private final BlobStore blobs;

    public RunPruner(JdbcTemplate jdbc, PlatformTransactionManager tm) {
        this.jdbc = jdbc;
        this.blobs = new BlobStore(jdbc, tm);
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
        // After the rows that refer to them: a prune that stops midway leaves no reference dangling.
        long blobsDeleted = blobs.release(run.id());
        runs.markPruned(run.id(), Instant.now());
        log.info(
                "Pruned run {} ({}): {} detail rows and {} blobs no other run uses deleted, summary kept",
                run.id(),
                run.input(),
                deleted,
                blobsDeleted);
        return deleted;
    }
}
