package dev.staplescan.store;

import dev.staplescan.input.Rejection;
import dev.staplescan.input.Target;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** Targets and rejections of a run, as read from its host list. */
public final class TargetStore {

    private final JdbcTemplate jdbc;

    public TargetStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts targets, dropping any whose (host, port, sni) the run already has.
     *
     * @return how many were dropped as duplicates
     */
    public int insertTargets(long runId, List<Target> chunk) {
        // A batch's NOT EXISTS does not see rows inserted earlier in the same batch (H2), so repeats
        // inside the chunk are dropped here, first line wins; the database drops those of earlier chunks.
        Map<String, Target> firstOfEach = new LinkedHashMap<>();
        for (Target t : chunk) {
            firstOfEach.putIfAbsent(t.host() + "\u0000" + t.port() + "\u0000" + t.sni(), t);
        }
        List<Target> targets = List.copyOf(firstOfEach.values());
        int dropped = chunk.size() - targets.size();
        int[][] counts = jdbc.batchUpdate(
                "INSERT INTO ss_target (run_id, line, host, port, sni, owner, environment, tags) "
                        + "SELECT ?, ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM ss_target "
                        + "WHERE run_id = ? AND host = ? AND port = ? AND sni = ?)",
                targets,
                targets.size(),
                (ps, t) -> {
                    String sni = t.sni() == null ? "" : t.sni();
                    ps.setLong(1, runId);
                    ps.setLong(2, t.line());
                    ps.setString(3, t.host());
                    ps.setInt(4, t.port());
                    ps.setString(5, sni);
                    ps.setString(6, t.owner());
                    ps.setString(7, t.environment());
                    ps.setString(8, t.tags());
                    ps.setLong(9, runId);
                    ps.setString(10, t.host());
                    ps.setInt(11, t.port());
                    ps.setString(12, sni);
                });
        for (int[] batch : counts) {
            for (int c : batch) {
                dropped += c == 0 ? 1 : 0;
            }
        }
        return dropped;
    }

    public void insertRejections(long runId, List<Rejection> rejections) {
        jdbc.batchUpdate(
                "INSERT INTO ss_rejection (run_id, line, content, reason) VALUES (?, ?, ?, ?)",
                rejections,
                rejections.size(),
                (ps, r) -> {
                    ps.setLong(1, runId);
                    ps.setLong(2, r.line());
                    ps.setString(3, r.content().length() > 1000 ? r.content().substring(0, 1000) : r.content());
                    ps.setString(4, r.reason().length() > 500 ? r.reason().substring(0, 500) : r.reason());
                });
    }

    /** Targets with {@code fromLine < line <= toLine} that have no observation yet, in line order. */
    public List<Target> unscanned(long runId, long fromLine, long toLine, int limit) {
        return jdbc.query(
                "SELECT * FROM ss_target t WHERE run_id = ? AND line > ? AND line <= ? AND NOT EXISTS "
                        + "(SELECT 1 FROM ss_observation o WHERE o.run_id = t.run_id AND o.line = t.line) "
                        + "ORDER BY line FETCH FIRST " + limit + " ROWS ONLY",
                (rs, i) -> target(rs),
                runId,
                fromLine,
                toLine);
    }

    /** Smallest and largest target line of the run, or {@code null} when it has no target. */
    public long[] lineRange(long runId) {
        return jdbc.query(
                "SELECT MIN(line), MAX(line), COUNT(*) FROM ss_target WHERE run_id = ?",
                rs -> {
                    rs.next();
                    return rs.getLong(3) == 0 ? null : new long[] {rs.getLong(1), rs.getLong(2)};
                },
                runId);
    }

    public long countTargets(long runId) {
        return count("SELECT COUNT(*) FROM ss_target WHERE run_id = ?", runId);
    }

    public long countRejections(long runId) {
        return count("SELECT COUNT(*) FROM ss_rejection WHERE run_id = ?", runId);
    }

    public long countScanned(long runId) {
        return count("SELECT COUNT(*) FROM ss_observation WHERE run_id = ?", runId);
    }

    private long count(String sql, long runId) {
        Long n = jdbc.queryForObject(sql, Long.class, runId);
        return n == null ? 0 : n;
    }

    static Target target(ResultSet rs) throws SQLException {
        String sni = rs.getString("sni");
        return new Target(
                rs.getLong("line"),
                rs.getString("host"),
                rs.getInt("port"),
                sni.isEmpty() ? null : sni,
                rs.getString("owner"),
                rs.getString("environment"),
                rs.getString("tags"));
    }
}
