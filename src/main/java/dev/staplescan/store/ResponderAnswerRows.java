package dev.staplescan.store;

import dev.staplescan.scan.Observation;
import dev.staplescan.scan.QueryOutcome;
import dev.staplescan.scan.ResponderAnswer;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@code ss_responder_answer} rows of observations (migration V3): live OCSP answers, the body
 * stored once by content in {@code ss_blob} and referred to by its hash (migration V7).
 */
final class ResponderAnswerRows {

    private static final int MAX_ERROR = 8000;

    private ResponderAnswerRows() {}

    /** The rows to insert; each body is added to {@code batch}, which must be stored first. */
    static List<Object[]> rows(long runId, List<Observation> observations, BlobStore.Batch batch) {
        List<Object[]> rows = new ArrayList<>();
        for (Observation o : observations) {
            int seq = 0;
            for (ResponderAnswer a : o.responderAnswers()) {
                rows.add(new Object[] {
                    runId,
                    o.target().line(),
                    seq++,
                    ObservationStore.cut(a.url(), 2000),
                    a.serial(),
                    a.issuerKeyHash(),
                    a.outcome().name(),
                    a.httpStatus(),
                    a.body() == null ? null : batch.add(a.body()).bytes(),
                    Timestamp.from(a.queriedAt()),
                    a.elapsedMillis(),
                    ObservationStore.cut(a.error(), MAX_ERROR)
                });
            }
        }
        return rows;
    }

    static void insert(JdbcTemplate jdbc, List<Object[]> rows) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(
                    "INSERT INTO ss_responder_answer (run_id, line, seq, url, serial, issuer_key_hash, outcome, "
                            + "http_status, body_ref, queried_at, elapsed_ms, error) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    rows);
        }
    }

    /** An answer row, its body still a reference. */
    record StoredAnswer(
            String url,
            String serial,
            String issuerKeyHash,
            QueryOutcome outcome,
            int httpStatus,
            ContentHash body,
            Instant queriedAt,
            long elapsedMillis,
            String error) {

        void addReferences(List<ContentHash> to) {
            if (body != null) {
                to.add(body);
            }
        }

        ResponderAnswer resolve(Function<ContentHash, byte[]> content) {
            return new ResponderAnswer(
                    url,
                    serial,
                    issuerKeyHash,
                    outcome,
                    httpStatus,
                    body == null ? null : content.apply(body),
                    queriedAt,
                    elapsedMillis,
                    error);
        }
    }

    /** The answers of lines {@code first..last}, by line, in stored order. */
    static Map<Long, List<StoredAnswer>> read(JdbcTemplate jdbc, long runId, long first, long last) {
        Map<Long, List<StoredAnswer>> byLine = new LinkedHashMap<>();
        jdbc.query(
                "SELECT * FROM ss_responder_answer WHERE run_id = ? AND line BETWEEN ? AND ? ORDER BY line, seq",
                rs -> {
                    byte[] body = rs.getBytes("body_ref");
                    byLine.computeIfAbsent(rs.getLong("line"), k -> new ArrayList<>())
                            .add(new StoredAnswer(
                                    rs.getString("url"),
                                    rs.getString("serial"),
                                    rs.getString("issuer_key_hash"),
                                    QueryOutcome.valueOf(rs.getString("outcome")),
                                    rs.getInt("http_status"),
                                    body == null ? null : ContentHash.fromBytes(body),
                                    rs.getTimestamp("queried_at").toInstant(),
                                    rs.getLong("elapsed_ms"),
                                    rs.getString("error")));
                },
                runId,
                first,
                last);
        return byLine;
    }
}
