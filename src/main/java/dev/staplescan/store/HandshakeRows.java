package dev.staplescan.store;

import dev.staplescan.scan.Handshake;
import dev.staplescan.scan.Observation;
import dev.staplescan.scan.Outcome;
import dev.staplescan.scan.TlsVersion;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@code ss_handshake} rows of observations: each TLS handshake's facts, its certificates and
 * staple stored once by content in {@code ss_blob} and referred to by blob id (migration V7).
 */
final class HandshakeRows {

    private static final int MAX_ERROR = 8000;

    private HandshakeRows() {}

    /** A handshake to write, its certificates and staple as hashes until their blobs are stored. */
    record Pending(long line, Handshake handshake, List<ContentHash> chain, ContentHash staple) {}

    /** The handshakes to insert; each certificate and staple is added to {@code batch}, which must be stored first. */
    static List<Pending> pending(List<Observation> observations, BlobStore.Batch batch) {
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
        return pending;
    }

    static void insert(JdbcTemplate jdbc, long runId, List<Pending> handshakes, Map<ContentHash, Long> ids) {
        if (handshakes.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(
                "INSERT INTO ss_handshake (run_id, line, seq, address, requested, outcome, protocol, cipher, "
                        + "chain_refs, staple_ref, connect_ms, handshake_ms, error) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                handshakes.stream()
                        .map(p -> {
                            Handshake h = p.handshake();
                            return new Object[] {
                                runId,
                                p.line(),
                                h.sequence(),
                                h.address(),
                                h.requested().name(),
                                h.outcome().name(),
                                h.protocol(),
                                h.cipher(),
                                BlobIds.pack(p.chain().stream().map(ids::get).toList()),
                                p.staple() == null ? null : ids.get(p.staple()),
                                h.connectMillis(),
                                h.handshakeMillis(),
                                ObservationStore.cut(h.error(), MAX_ERROR)
                            };
                        })
                        .toList());
    }

    /** A handshake row, its certificates and staple still as blob ids. */
    record StoredHandshake(
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
            chain.forEach(id -> certificates.addAll(DerChain.split(content.apply(id))));
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

    /** The handshakes of lines {@code first..last}, by line, in stored order. */
    static Map<Long, List<StoredHandshake>> read(JdbcTemplate jdbc, long runId, long first, long last) {
        Map<Long, List<StoredHandshake>> byLine = new LinkedHashMap<>();
        jdbc.query(
                "SELECT * FROM ss_handshake WHERE run_id = ? AND line BETWEEN ? AND ? ORDER BY line, seq",
                rs -> {
                    byLine.computeIfAbsent(rs.getLong("line"), k -> new ArrayList<>())
                            .add(StoredHandshake.of(rs));
                },
                runId,
                first,
                last);
        return byLine;
    }
}
