package dev.staplescan.store;

import dev.staplescan.check.Assessment;
import dev.staplescan.check.EndpointFacts;
import dev.staplescan.check.Finding;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/** Verdicts, facts and findings of assessed endpoints. */
public final class AssessmentStore {

    /** An assessment of the target on {@code line}. */
    public record Assessed(long line, Assessment assessment) {}

    private final JdbcTemplate jdbc;

    public AssessmentStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void write(long runId, List<Assessed> items) {
        jdbc.batchUpdate(
                "INSERT INTO ss_assessment (run_id, line, verdict, worst_severity, finding_codes, protocols, "
                        + "stapled, ocsp_status, this_update, next_update, cert_not_after, must_staple, subject, issuer, serial, "
                        + "responder_url, stapled_tls13, stapled_tls12) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                items,
                items.size(),
                (ps, a) -> {
                    Assessment as = a.assessment();
                    EndpointFacts f = as.facts();
                    ps.setLong(1, runId);
                    ps.setLong(2, a.line());
                    ps.setString(3, as.verdict().name());
                    ps.setString(
                            4,
                            as.findings().isEmpty()
                                    ? null
                                    : as.findings().get(0).severity().name());
                    ps.setString(
                            5,
                            cut(
                                    as.findings().stream()
                                            .map(x -> x.code().name())
                                            .distinct()
                                            .collect(Collectors.joining(";")),
                                    2000));
                    ps.setString(6, f.protocols());
                    setBoolean(ps, 7, f.stapled());
                    ps.setString(8, f.ocspStatus());
                    setInstant(ps, 9, f.thisUpdate());
                    setInstant(ps, 10, f.nextUpdate());
                    setInstant(ps, 11, f.certNotAfter());
                    setBoolean(ps, 12, f.mustStaple());
                    ps.setString(13, cut(f.subject(), 1000));
                    ps.setString(14, cut(f.issuer(), 1000));
                    ps.setString(15, cut(f.serial(), 100));
                    ps.setString(16, cut(f.responderUrl(), 1000));
                    setBoolean(ps, 17, f.stapledTls13());
                    setBoolean(ps, 18, f.stapledTls12());
                });
        List<Object[]> rows = new ArrayList<>();
        for (Assessed a : items) {
            int seq = 0;
            for (Finding f : a.assessment().findings()) {
                rows.add(new Object[] {
                    runId,
                    a.line(),
                    seq++,
                    f.code().name(),
                    f.severity().name(),
                    cut(f.message(), 2000),
                    cut(f.control(), 200)
                });
            }
        }
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(
                    "INSERT INTO ss_finding (run_id, line, seq, code, severity, message, control) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?)",
                    rows);
        }
    }

    /** Removes a run's assessments so it can be assessed again (under another policy). */
    public void clear(long runId) {
        jdbc.update("DELETE FROM ss_finding WHERE run_id = ?", runId);
        jdbc.update("DELETE FROM ss_assessment WHERE run_id = ?", runId);
    }

    private static void setBoolean(PreparedStatement ps, int i, Boolean b) throws SQLException {
        if (b == null) {
            ps.setNull(i, Types.BOOLEAN);
        } else {
            ps.setBoolean(i, b);
        }
    }

    private static void setInstant(PreparedStatement ps, int i, Instant t) throws SQLException {
        if (t == null) {
            ps.setNull(i, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setTimestamp(i, Timestamp.from(t));
        }
    }

    static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
