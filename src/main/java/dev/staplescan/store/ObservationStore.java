package dev.staplescan.store;

import dev.staplescan.input.Target;
import dev.staplescan.scan.Observation;
import dev.staplescan.scan.Outcome;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Raw observations in the database: written by the scan step, read back by assessment (and by a
 * later re-assessment under another policy). Certificates, staples and responder answers are stored
 * once by content ({@link BlobStore}); the rows refer to them by blob id, and reading resolves the
 * ids, so an observation reads back byte for byte as it was written.
 */
public final class ObservationStore {

    private static final int MAX_ERROR = 8000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final BlobStore blobs;

    public ObservationStore(JdbcTemplate jdbc, PlatformTransactionManager tm) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(tm);
        this.blobs = new BlobStore(jdbc, tm);
    }

    /**
     * Writes observations with their handshakes and live responder answers: first the blobs they
     * carry (committed on their own, see {@link BlobStore#store}), then every row in one transaction,
     * so a batch's observations are stored entirely or not at all.
     */
    public void write(long runId, List<Observation> observations) {
        BlobStore.Batch batch = new BlobStore.Batch();
        List<HandshakeRows.Pending> handshakes = HandshakeRows.pending(observations, batch);
        List<ResponderAnswerRows.Pending> answers = ResponderAnswerRows.pending(observations, batch);
        Map<ContentHash, Long> ids = blobs.store(runId, batch);
        tx.executeWithoutResult(s -> {
            insertObservations(runId, observations);
            HandshakeRows.insert(jdbc, runId, handshakes, ids);
            ResponderAnswerRows.insert(jdbc, runId, answers, ids);
        });
    }

    private void insertObservations(long runId, List<Observation> observations) {
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
        Map<Long, List<HandshakeRows.StoredHandshake>> handshakes = HandshakeRows.read(jdbc, runId, first, last);
        Map<Long, List<ResponderAnswerRows.StoredAnswer>> answers = ResponderAnswerRows.read(jdbc, runId, first, last);
        List<Long> referenced = new ArrayList<>();
        handshakes.values().forEach(l -> l.forEach(h -> h.addReferences(referenced)));
        answers.values().forEach(l -> l.forEach(a -> a.addReferences(referenced)));
        Map<Long, byte[]> content = blobs.load(referenced);
        List<Observation> result = new ArrayList<>(byLine.size());
        for (Observation o : byLine.values()) {
            long line = o.target().line();
            result.add(new Observation(
                    o.target(),
                    o.startedAt(),
                    o.totalMillis(),
                    o.resolution(),
                    o.addresses(),
                    handshakes.getOrDefault(line, List.of()).stream()
                            .map(h -> h.resolve(content::get))
                            .toList(),
                    o.error(),
                    answers.getOrDefault(line, List.of()).stream()
                            .map(a -> a.resolve(content::get))
                            .toList()));
        }
        return result;
    }

    static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
