package dev.staplescan.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** The {@code ss_run} table: one row per audit run, whatever its state. */
public final class RunStore {

    /** A run as stored. */
    public record Run(long id, String input, String policy, String scannerVersion, String options, Instant startedAt,
            Instant finishedAt, String status, long duplicates) {
    }

    private final JdbcTemplate jdbc;

    public RunStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long create(String input, String policy, String version, String options) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(c -> {
            var ps = c.prepareStatement("INSERT INTO ss_run (input, policy, scanner_version, options, started_at, status) "
                    + "VALUES (?, ?, ?, ?, ?, 'STARTING')", new String[] {"ID"});
            ps.setString(1, input);
            ps.setString(2, policy);
            ps.setString(3, version);
            ps.setString(4, options);
            ps.setTimestamp(5, Timestamp.from(Instant.now()));
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }

    public void status(long runId, String status, Instant finishedAt) {
        jdbc.update("UPDATE ss_run SET status = ?, finished_at = ? WHERE id = ?", status,
                finishedAt == null ? null : Timestamp.from(finishedAt), runId);
    }

    public void addDuplicates(long runId, int n) {
        if (n > 0) {
            jdbc.update("UPDATE ss_run SET duplicates = duplicates + ? WHERE id = ?", n, runId);
        }
    }

    public Optional<Run> find(long runId) {
        return jdbc.query("SELECT * FROM ss_run WHERE id = ?", (rs, i) -> run(rs), runId).stream().findFirst();
    }

    /** The newest run of this input that did not complete, if any. */
    public Optional<Run> latestUnfinished(String input) {
        return jdbc.query("SELECT * FROM ss_run WHERE input = ? AND status <> 'COMPLETED' ORDER BY id DESC "
                + "FETCH FIRST 1 ROWS ONLY", (rs, i) -> run(rs), input).stream().findFirst();
    }

    /**
     * The newest COMPLETED run of the same host list ({@code input}) that started before run {@code runId}:
     * what that run's report compares itself with.
     */
    public Optional<Run> previousCompleted(long runId) {
        return jdbc.query("SELECT p.* FROM ss_run p JOIN ss_run r ON r.id = ? WHERE p.input = r.input "
                + "AND p.status = 'COMPLETED' AND p.id < r.id ORDER BY p.id DESC FETCH FIRST 1 ROWS ONLY",
                (rs, i) -> run(rs), runId).stream().findFirst();
    }

    /** The newest runs first, at most {@code limit}. */
    public List<Run> recent(int limit) {
        return jdbc.query("SELECT * FROM ss_run ORDER BY id DESC FETCH FIRST " + limit + " ROWS ONLY", (rs, i) -> run(rs));
    }

    private static Run run(java.sql.ResultSet rs) throws java.sql.SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new Run(rs.getLong("id"), rs.getString("input"), rs.getString("policy"), rs.getString("scanner_version"),
                rs.getString("options"), rs.getTimestamp("started_at").toInstant(),
                finished == null ? null : finished.toInstant(), rs.getString("status"), rs.getLong("duplicates"));
    }
}
