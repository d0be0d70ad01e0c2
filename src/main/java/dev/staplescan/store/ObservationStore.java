package dev.staplescan.store;

import dev.staplescan.input.Target;
import dev.staplescan.scan.Handshake;
import dev.staplescan.scan.Observation;
import dev.staplescan.scan.Outcome;
import dev.staplescan.scan.TlsVersion;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
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
        List<Pending> pending = new ArrayList<>();
        for (Observation o : observations) {
            for (Handshake h : o.handshakes()) {
                pending.add(new Pending(
                        o.target().line(),
                        h,
                        h.chain().stream().map(batch::add).toList(),
                        h.staple() == null ? null : batch.add(h.staple())));
            }
        }
        List<ResponderAnswerRows.Pending> answers = ResponderAnswerRows.pending(observations, batch);
        Map<ContentHash, Long> ids = blobs.store(runId, batch);
        List<Object[]> handshakeRows =
                pending.stream().map(p -> p.row(runId, ids)).toList();
        tx.executeWithoutResult(s -> {
            insertObservations(runId, observations);
            if (!handshakeRows.isEmpty()) {
                jdbc.batchUpdate(
                        "INSERT INTO ss_handshake (run_id, line, seq, address, requested, outcome, protocol, cipher, "
                                + "chain_refs, staple_ref, connect_ms, handshake_ms, error) "
                                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        handshakeRows);
            }
            ResponderAnswerRows.insert(jdbc, runId, answers, ids);
        });
    }

    /** A handshake to write, its certificates and staple as hashes until their blobs are stored. */
    private record Pending(long line, Handshake h, List<ContentHash> chain, ContentHash staple) {

        Object[] row(long runId, Map<ContentHash, Long> ids) {
            return new Object[] {
                runId,
                line,
                h.sequence(),
                h.address(),
                h.requested().name(),
                h.outcome().name(),
                h.protocol(),
                h.cipher(),
                BlobIds.pack(chain.stream().map(ids::get).toList()),
                staple == null ? null : ids.get(staple),
                h.connectMillis(),
                h.handshakeMillis(),
                cut(h.error(), MAX_ERROR)
            };
        }
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
        Map<Long, List<StoredHandshake>> handshakes = new LinkedHashMap<>();
        jdbc.query(
                "SELECT * FROM ss_handshake WHERE run_id = ? AND line BETWEEN ? AND ? ORDER BY line, seq",
                rs -> {
                    handshakes
                            .computeIfAbsent(rs.getLong("line"), k -> new ArrayList<>())
                            .add(StoredHandshake.of(rs));
                },
                runId,
                first,
                last);
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

    /** A handshake row, its certificates and staple still as references. */
    private record StoredHandshake(
            int seq,
            String address,
            TlsVersion requested,
            Outcome outcome,
            String protocol,
            String cipher,
            List<Long> chain,
            Long staple,
            long connectMillis,
            long handshakeMillis,
            String error) {

        static StoredHandshake of(ResultSet rs) throws SQLException {
            long staple = rs.getLong("staple_ref");
            boolean stapled = !rs.wasNull();
            return new StoredHandshake(
                    rs.getInt("seq"),
                    rs.getString("address"),
                    TlsVersion.valueOf(rs.getString("requested")),
                    Outcome.valueOf(rs.getString("outcome")),
                    rs.getString("protocol"),
                    rs.getString("cipher"),
                    BlobIds.unpack(rs.getBytes("chain_refs")),
                    stapled ? staple : null,
                    rs.getLong("connect_ms"),
                    rs.getLong("handshake_ms"),
                    rs.getString("error"));
        }

        void addReferences(List<Long> to) {
            to.addAll(chain);
            if (staple != null) {
                to.add(staple);
            }
        }

        /**
         * Each chain reference is one certificate, or, for rows stored before migration V7, the
         * whole chain as it was then stored (DER certificates concatenated, DER being self-delimiting);
         * both read back as the list of certificates.
         */
        Handshake resolve(Function<Long, byte[]> content) {
            List<byte[]> certificates = new ArrayList<>();
            chain.forEach(h -> certificates.addAll(DerChain.split(content.apply(h))));
            return new Handshake(
                    seq,
                    address,
                    requested,
                    outcome,
                    protocol,
                    cipher,
                    certificates,
                    staple == null ? null : content.apply(staple),
                    connectMillis,
                    handshakeMillis,
                    error);
        }
    }

    static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
