package dev.staplescan.store;

import dev.staplescan.report.RunStatus;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** The {@code ss_run} table: one row per audit run, whatever its state. */
public final class RunStore {

    /**
     * A run as stored.
     *
     * @param state       where the run stands
     * @param job         the job definition that started it; {@code null} for a hand-started scan
     * @param failureKind why it did not complete, or {@code null}: see {@link FailureKind}
     * @param failure     the reason in words, or {@code null}
     * @param prunedAt    when retention deleted its details (its summary is kept); {@code null} if not pruned
     */
    public record Run(
            long id,
            String input,
            String policy,
            String scannerVersion,
            String options,
            Instant startedAt,
            Instant finishedAt,
            RunStatus state,
            long duplicates,
            String job,
            FailureKind failureKind,
            String failure,
            Instant prunedAt) {

        public boolean completed() {
            return state.completed();
        }
    }

    /** Why a run did not complete; decides whether the next start resumes it or starts afresh. */
    public enum FailureKind {
        /** The host list is unusable (no endpoint, too many bad lines): resuming would fail again. */
        INPUT,
        /** Any other failure (database, disk, a bug): worth resuming once the cause is fixed. */
        ERROR,
        /** Stopped on request (SIGTERM to the scheduler): resumed by the next start. */
        STOPPED,
        /** Given up: failed too often, or superseded; a new run is started instead. */
        ABANDONED;

        /** Whether the next start of the same audit should resume a run that ended this way. */
        public boolean resumable() {
            return this == ERROR || this == STOPPED;
        }
    }

    private final JdbcTemplate jdbc;

    public RunStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long create(String input, String policy, String version, String options) {
        return create(input, policy, version, options, null);
    }

    /** A new run row in state {@link RunStatus#STARTING}; {@code job} names the job definition, or is {@code null}. */
    public long create(String input, String policy, String version, String options, String job) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(
                c -> {
                    var ps = c.prepareStatement(
                            "INSERT INTO ss_run (input, policy, scanner_version, options, started_at, status, job) "
                                    + "VALUES (?, ?, ?, ?, ?, ?, ?)",
                            java.sql.Statement.RETURN_GENERATED_KEYS);
                    ps.setString(1, input);
                    ps.setString(2, policy);
                    ps.setString(3, version);
                    ps.setString(4, options);
                    ps.setTimestamp(5, Timestamp.from(Instant.now()));
                    ps.setString(6, RunStatus.STARTING.name());
                    ps.setString(7, job);
                    return ps;
                },
                keys);
        // PostgreSQL returns every column of the new row, H2 only the identity; the map ignores case.
        Map<String, Object> row = keys.getKeys();
        if (row == null || !(row.get("id") instanceof Number id)) {
            throw new IllegalStateException("The database returned no id for the new run");
        }
        return id.longValue();
    }

    /** Records where a run stands; {@code finishedAt} {@code null} clears the end time. */
    public void status(long runId, RunStatus status, Instant finishedAt) {
        jdbc.update(
                "UPDATE ss_run SET status = ?, finished_at = ? WHERE id = ?",
                status.name(),
                finishedAt == null ? null : Timestamp.from(finishedAt),
                runId);
    }

    /** Records the policy a run's findings were (re-)assessed under. */
    public void policy(long runId, String policy) {
        jdbc.update("UPDATE ss_run SET policy = ? WHERE id = ?", policy, runId);
    }

    /** Records why a run did not complete ({@code kind} {@code null} clears it, when a resumed run completes). */
    public void failure(long runId, FailureKind kind, String reason) {
        String text = reason == null ? null : reason.length() > 2000 ? reason.substring(0, 1997) + "..." : reason;
        jdbc.update(
                "UPDATE ss_run SET failure_kind = ?, failure = ? WHERE id = ?",
                kind == null ? null : kind.name(),
                text,
                runId);
    }

    /** Gives a run up for good: it keeps its rows, but is never resumed. */
    public void abandon(long runId, String reason) {
        jdbc.update("UPDATE ss_run SET status = ? WHERE id = ?", RunStatus.ABANDONED.name(), runId);
        failure(runId, FailureKind.ABANDONED, reason);
    }

    public void markPruned(long runId, Instant when) {
        jdbc.update("UPDATE ss_run SET pruned_at = ? WHERE id = ?", Timestamp.from(when), runId);
    }

    public void addDuplicates(long runId, int n) {
        if (n > 0) {
            jdbc.update("UPDATE ss_run SET duplicates = duplicates + ? WHERE id = ?", n, runId);
        }
    }

    public Optional<Run> find(long runId) {
        return first("SELECT * FROM ss_run WHERE id = ?", runId);
    }

    /** The newest run of this input (by hand, not by a job definition) that did not complete, if any. */
    public Optional<Run> latestUnfinished(String input) {
        return latestUnfinished(input, null);
    }

    /**
     * The newest run of this input and job that did not complete and is worth resuming, if any. A
     * run that failed for a reason that will not go away (an unusable list) or was abandoned is
     * skipped, so the next start begins a new run rather than failing the same way forever.
     */
    public Optional<Run> latestUnfinished(String input, String job) {
        String sql = "SELECT * FROM ss_run WHERE input = ? AND " + (job == null ? "job IS NULL" : "job = ?")
                + " AND status NOT IN "
                + Sql.in(Arrays.stream(RunStatus.values()).filter(RunStatus::ended))
                + " AND (failure_kind IS NULL OR failure_kind IN "
                + Sql.in(Arrays.stream(FailureKind.values()).filter(FailureKind::resumable))
                + ") ORDER BY id DESC FETCH FIRST 1 ROWS ONLY";
        Object[] args = job == null ? new Object[] {input} : new Object[] {input, job};
        return first(sql, args);
    }

    /**
     * The newest completed run of the same host list ({@code input}) that started before run {@code runId}:
     * what that run's report compares itself with.
     */
    public Optional<Run> previousCompleted(long runId) {
        return first(
                "SELECT p.* FROM ss_run p JOIN ss_run r ON r.id = ? WHERE p.input = r.input "
                        + "AND p.status = ? AND p.id < r.id ORDER BY p.id DESC FETCH FIRST 1 ROWS ONLY",
                runId,
                RunStatus.COMPLETED.name());
    }

    /** The first run the query selects, if any. */
    private Optional<Run> first(String sql, Object... args) {
        return jdbc.query(sql, (rs, i) -> run(rs), args).stream().findFirst();
    }

    /** The newest runs first, at most {@code limit}. */
    public List<Run> recent(int limit) {
        return jdbc.query(
                "SELECT * FROM ss_run ORDER BY id DESC FETCH FIRST " + limit + " ROWS ONLY", (rs, i) -> run(rs));
    }

    /** Runs of a job definition (or, with {@code job} null, of an input), newest first. */
    public List<Run> of(String job, String input) {
        return job != null
                ? jdbc.query("SELECT * FROM ss_run WHERE job = ? ORDER BY id DESC", (rs, i) -> run(rs), job)
                : jdbc.query("SELECT * FROM ss_run WHERE input = ? ORDER BY id DESC", (rs, i) -> run(rs), input);
    }

    private static Run run(java.sql.ResultSet rs) throws java.sql.SQLException {
        String kind = rs.getString("failure_kind");
        return new Run(
                rs.getLong("id"),
                rs.getString("input"),
                rs.getString("policy"),
                rs.getString("scanner_version"),
                rs.getString("options"),
                rs.getTimestamp("started_at").toInstant(),
                instant(rs, "finished_at"),
                RunStatus.of(rs.getString("status")),
                rs.getLong("duplicates"),
                rs.getString("job"),
                kind == null ? null : FailureKind.valueOf(kind),
                rs.getString("failure"),
                instant(rs, "pruned_at"));
    }

    private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
