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
 * stored once by content in {@code ss_blob} and referred to by its blob id (migration V7).
 */
final class ResponderAnswerRows {

    private static final int MAX_ERROR = 8000;

    private ResponderAnswerRows() {}

    /** An answer to write, its body as a hash until the blob is stored. */
    record Pending(long line, int seq, ResponderAnswer answer, ContentHash body) {}

    /** The answers to insert; each body is added to {@code batch}, which must be stored first. */
    static List<Pending> pending(List<Observation> observations, BlobStore.Batch batch) {
        List<Pending> pending = new ArrayList<>();
        for (Observation o : observations) {
            int seq = 0;
            for (ResponderAnswer a : o.responderAnswers()) {
                pending.add(new Pending(o.target().line(), seq++, a, a.body() == null ? null : batch.add(a.body())));
            }
        }
        return pending;
    }

    static void insert(JdbcTemplate jdbc, long runId, List<Pending> answers, Map<ContentHash, Long> ids) {
        if (answers.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(
                "INSERT INTO ss_responder_answer (run_id, line, seq, url, serial, issuer_key_hash, outcome, "
                        + "http_status, body_ref, queried_at, elapsed_ms, error) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                answers.stream()
                        .map(p -> new Object[] {
                            runId,
                            p.line(),
                            p.seq(),
                            ObservationStore.cut(p.answer().url(), 2000),
                            p.answer().serial(),
                            p.answer().issuerKeyHash(),
                            p.answer().outcome().name(),
                            p.answer().httpStatus(),
                            p.body() == null ? null : ids.get(p.body()),
                            Timestamp.from(p.answer().queriedAt()),
                            p.answer().elapsedMillis(),
                            ObservationStore.cut(p.answer().error(), MAX_ERROR)
                        })
                        .toList());
    }

    /** An answer row, its body still a reference. */
    record StoredAnswer(
            String url,
            String serial,
            String issuerKeyHash,
            QueryOutcome outcome,
            int httpStatus,
            Long body,
            Instant queriedAt,
            long elapsedMillis,
            String error) {

        void addReferences(List<Long> to) {
            if (body != null) {
                to.add(body);
            }
        }

        ResponderAnswer resolve(Function<Long, byte[]> content) {
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
                    long body = rs.getLong("body_ref");
                    boolean answered = !rs.wasNull();
                    byLine.computeIfAbsent(rs.getLong("line"), k -> new ArrayList<>())
                            .add(new StoredAnswer(
                                    rs.getString("url"),
                                    rs.getString("serial"),
                                    rs.getString("issuer_key_hash"),
                                    QueryOutcome.valueOf(rs.getString("outcome")),
                                    rs.getInt("http_status"),
                                    answered ? body : null,
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
