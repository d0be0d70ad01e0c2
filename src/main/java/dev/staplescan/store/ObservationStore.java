package dev.staplescan.store;

import dev.staplescan.input.Target;
import dev.staplescan.scan.Handshake;
import dev.staplescan.scan.Observation;
import dev.staplescan.scan.Outcome;
import dev.staplescan.scan.ResponderAnswer;
import dev.staplescan.scan.TlsVersion;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Raw observations in the database: written by the scan step, read back by assessment (and by a
 * later re-assessment under another policy).
 */
public final class ObservationStore {

    private static final int MAX_ERROR = 8000;

    private final JdbcTemplate jdbc;

    public ObservationStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes observations with their handshakes and live responder answers. Call inside one transaction per batch. */
    public void write(long runId, List<Observation> observations) {
        jdbc.batchUpdate(
                "INSERT INTO ss_observation (run_id, line, started_at, total_ms, resolution, addresses, error) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)",
                observations,
                observations.size(),
                (ps, o) -> {
                    ps.setLong(1, runId);
                    ps.setLong(2, o.target().line());
                    ps.setTimestamp(3, Timestamp.from(o.startedAt()));
                    ps.setLong(4, o.totalMillis());
                    ps.setString(5, o.resolution().name());
                    ps.setString(6, cut(String.join(";", o.addresses()), 2000));
                    ps.setString(7, cut(o.error(), MAX_ERROR));
                });
        List<Object[]> rows = new ArrayList<>();
        for (Observation o : observations) {
            for (Handshake h : o.handshakes()) {
                rows.add(new Object[] {
                    runId,
                    o.target().line(),
                    h.sequence(),
                    h.address(),
                    h.requested().name(),
                    h.outcome().name(),
                    h.protocol(),
                    h.cipher(),
                    h.chain().isEmpty() ? null : DerChain.join(h.chain()),
                    h.staple(),
                    h.connectMillis(),
                    h.handshakeMillis(),
                    cut(h.error(), MAX_ERROR)
                });
            }
        }
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(
                    "INSERT INTO ss_handshake (run_id, line, seq, address, requested, outcome, protocol, cipher, "
                            + "chain, staple, connect_ms, handshake_ms, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    rows);
        }
        ResponderAnswerRows.write(jdbc, runId, observations);
    }

    /**
     * Reads back the observations of targets with {@code fromLine < line <= toLine}, in line order,
     * at most {@code limit}; with {@code unassessedOnly}, only those without an assessment yet.
     */
    public List<Observation> read(long runId, long fromLine, long toLine, int limit, boolean unassessedOnly) {
        Map<Long, Observation> byLine = new LinkedHashMap<>();
        jdbc.query(
                "SELECT t.line, t.host, t.port, t.sni, t.owner, t.environment, t.tags, o.started_at, o.total_ms, "
                        + "o.resolution, o.addresses, o.error FROM ss_observation o JOIN ss_target t "
                        + "ON t.run_id = o.run_id AND t.line = o.line WHERE o.run_id = ? AND o.line > ? AND o.line <= ? "
                        + (unassessedOnly
                                ? "AND NOT EXISTS (SELECT 1 FROM ss_assessment a WHERE a.run_id = o.run_id AND a.line = o.line) "
                                : "")
                        + "ORDER BY o.line FETCH FIRST " + limit + " ROWS ONLY",
                rs -> {
                    Target t = TargetStore.target(rs);
                    String addresses = rs.getString("addresses");
                    byLine.put(
                            t.line(),
                            new Observation(
                                    t,
                                    rs.getTimestamp("started_at").toInstant(),
                                    rs.getLong("total_ms"),
                                    Outcome.valueOf(rs.getString("resolution")),
                                    addresses.isEmpty() ? List.of() : Arrays.asList(addresses.split(";")),
                                    List.of(),
                                    rs.getString("error")));
                },
                runId,
                fromLine,
                toLine);
        if (byLine.isEmpty()) {
            return List.of();
        }
        long first = byLine.keySet().iterator().next();
        long last = byLine.keySet().stream().mapToLong(Long::longValue).max().orElse(first);
        Map<Long, List<Handshake>> handshakes = new LinkedHashMap<>();
        jdbc.query(
                "SELECT * FROM ss_handshake WHERE run_id = ? AND line BETWEEN ? AND ? ORDER BY line, seq",
                rs -> {
                    handshakes
                            .computeIfAbsent(rs.getLong("line"), k -> new ArrayList<>())
                            .add(handshake(rs));
                },
                runId,
                first,
                last);
        Map<Long, List<ResponderAnswer>> answers = ResponderAnswerRows.read(jdbc, runId, first, last);
        List<Observation> result = new ArrayList<>(byLine.size());
        for (Observation o : byLine.values()) {
            List<Handshake> hs = handshakes.getOrDefault(o.target().line(), List.of());
            result.add(new Observation(
                    o.target(),
                    o.startedAt(),
                    o.totalMillis(),
                    o.resolution(),
                    o.addresses(),
                    hs,
                    o.error(),
                    answers.getOrDefault(o.target().line(), List.of())));
        }
        return result;
    }

    private static Handshake handshake(ResultSet rs) throws SQLException {
        return new Handshake(
                rs.getInt("seq"),
                rs.getString("address"),
                TlsVersion.valueOf(rs.getString("requested")),
                Outcome.valueOf(rs.getString("outcome")),
                rs.getString("protocol"),
                rs.getString("cipher"),
                DerChain.split(rs.getBytes("chain")),
                rs.getBytes("staple"),
                rs.getLong("connect_ms"),
                rs.getLong("handshake_ms"),
                rs.getString("error"));
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
