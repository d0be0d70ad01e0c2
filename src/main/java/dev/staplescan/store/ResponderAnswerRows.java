package dev.staplescan.store;

import dev.staplescan.scan.Observation;
import dev.staplescan.scan.QueryOutcome;
import dev.staplescan.scan.ResponderAnswer;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** The {@code ss_responder_answer} rows of observations (migration V3): live OCSP answers, body in DER. */
final class ResponderAnswerRows {

    private static final int MAX_ERROR = 8000;

    private ResponderAnswerRows() {}

    static void write(JdbcTemplate jdbc, long runId, List<Observation> observations) {
        List<Object[]> rows = new ArrayList<>();
        for (Observation o : observations) {
            int seq = 0;
            for (ResponderAnswer a : o.responderAnswers()) {
                rows.add(new Object[] {
                    runId,
                    o.target().line(),
                    seq++,
                    cut(a.url(), 2000),
                    a.serial(),
                    a.issuerKeyHash(),
                    a.outcome().name(),
                    a.httpStatus(),
                    a.body(),
                    Timestamp.from(a.queriedAt()),
                    a.elapsedMillis(),
                    cut(a.error(), MAX_ERROR)
                });
            }
        }
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(
                    "INSERT INTO ss_responder_answer (run_id, line, seq, url, serial, issuer_key_hash, outcome, "
                            + "http_status, body, queried_at, elapsed_ms, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    rows);
        }
    }

    /** The answers of lines {@code first..last}, by line, in stored order. */
    static Map<Long, List<ResponderAnswer>> read(JdbcTemplate jdbc, long runId, long first, long last) {
        Map<Long, List<ResponderAnswer>> byLine = new LinkedHashMap<>();
        jdbc.query(
                "SELECT * FROM ss_responder_answer WHERE run_id = ? AND line BETWEEN ? AND ? ORDER BY line, seq",
                rs -> {
                    byLine.computeIfAbsent(rs.getLong("line"), k -> new ArrayList<>())
                            .add(new ResponderAnswer(
                                    rs.getString("url"),
                                    rs.getString("serial"),
                                    rs.getString("issuer_key_hash"),
                                    QueryOutcome.valueOf(rs.getString("outcome")),
                                    rs.getInt("http_status"),
                                    rs.getBytes("body"),
                                    rs.getTimestamp("queried_at").toInstant(),
                                    rs.getLong("elapsed_ms"),
                                    rs.getString("error")));
                },
                runId,
                first,
                last);
        return byLine;
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
