package dev.staplescan.store;

import dev.staplescan.check.Severity;
import dev.staplescan.check.Verdict;
import dev.staplescan.report.RunStatus;
import dev.staplescan.report.RunSummary;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@code ss_run_summary} table: the headline figures of each completed run, written when it
 * completes. Retention deletes a run's details but keeps this row, so history and trends survive.
 */
public final class RunSummaryStore {

    private static final String COLUMNS = "run_id, endpoints, reachable, stapling, valid_staples, verdict_pass, "
            + "verdict_warn, verdict_fail, verdict_error, findings_critical, findings_high, findings_medium, "
            + "findings_low, findings_info, rejections, duplicates";

    private final JdbcTemplate jdbc;

    public RunSummaryStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores (or replaces) the summary of a run. */
    public void record(RunSummary s) {
        Map<Verdict, Long> v = s.verdicts();
        Map<Severity, Long> f = s.findingsBySeverity();
        // Delete then insert: portable across H2 and PostgreSQL, and a run is summarised by one process only.
        jdbc.update("DELETE FROM ss_run_summary WHERE run_id = ?", s.runId());
        jdbc.update(
                "INSERT INTO ss_run_summary (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                s.runId(),
                s.endpoints(),
                s.reachable(),
                s.stapling(),
                s.validStaples(),
                v.get(Verdict.PASS),
                v.get(Verdict.WARN),
                v.get(Verdict.FAIL),
                v.get(Verdict.ERROR),
                f.get(Severity.CRITICAL),
                f.get(Severity.HIGH),
                f.get(Severity.MEDIUM),
                f.get(Severity.LOW),
                f.get(Severity.INFO),
                s.rejections(),
                s.duplicates());
    }

    /** The stored summary of a run, if it completed after summaries were introduced (or was summarised later). */
    public Optional<RunSummary> find(long runId) {
        return jdbc
                .query(
                        "SELECT s.*, r.input, r.policy, r.scanner_version, r.started_at, r.finished_at, r.status "
                                + "FROM ss_run_summary s JOIN ss_run r ON r.id = s.run_id WHERE s.run_id = ?",
                        (rs, i) -> summary(rs),
                        runId)
                .stream()
                .findFirst();
    }

    /**
     * The summary of a run: the stored one, else computed from its details (and stored when the run
     * completed, so a run from before summaries existed gets one the first time it is asked for).
     */
    public Optional<RunSummary> findOrCompute(RunStore.Run run) {
        Optional<RunSummary> stored = find(run.id());
        if (stored.isPresent() || run.prunedAt() != null) {
            return stored;
        }
        RunSummary computed = new JdbcRunData(jdbc, run.id()).summary();
        if (run.completed()) {
            record(computed);
        }
        return Optional.of(computed);
    }

    /** Summaries of the last {@code last} completed runs with these ids, oldest first. */
    public List<RunSummary> completed(List<RunStore.Run> runsNewestFirst, int last) {
        return runsNewestFirst.stream()
                .filter(RunStore.Run::completed)
                .limit(last)
                .map(this::findOrCompute)
                .flatMap(Optional::stream)
                .sorted(java.util.Comparator.comparingLong(RunSummary::runId))
                .toList();
    }

    private static RunSummary summary(ResultSet rs) throws SQLException {
        Map<Verdict, Long> verdicts = new EnumMap<>(Verdict.class);
        verdicts.put(Verdict.PASS, rs.getLong("verdict_pass"));
        verdicts.put(Verdict.WARN, rs.getLong("verdict_warn"));
        verdicts.put(Verdict.FAIL, rs.getLong("verdict_fail"));
        verdicts.put(Verdict.ERROR, rs.getLong("verdict_error"));
        Map<Severity, Long> findings = new EnumMap<>(Severity.class);
        findings.put(Severity.CRITICAL, rs.getLong("findings_critical"));
        findings.put(Severity.HIGH, rs.getLong("findings_high"));
        findings.put(Severity.MEDIUM, rs.getLong("findings_medium"));
        findings.put(Severity.LOW, rs.getLong("findings_low"));
        findings.put(Severity.INFO, rs.getLong("findings_info"));
        java.sql.Timestamp finished = rs.getTimestamp("finished_at");
        return new RunSummary(
                rs.getLong("run_id"),
                rs.getString("input"),
                rs.getString("policy"),
                rs.getString("scanner_version"),
                rs.getTimestamp("started_at").toInstant(),
                finished == null ? null : finished.toInstant(),
                RunStatus.of(rs.getString("status")),
                rs.getLong("endpoints"),
                rs.getLong("reachable"),
                rs.getLong("stapling"),
                rs.getLong("valid_staples"),
                verdicts,
                findings,
                rs.getLong("rejections"),
                rs.getLong("duplicates"));
    }
}
