package dev.staplescan.store;

import dev.staplescan.check.EndpointFacts;
import dev.staplescan.check.Finding;
import dev.staplescan.check.FindingCode;
import dev.staplescan.check.Severity;
import dev.staplescan.check.Verdict;
import dev.staplescan.input.Rejection;
import dev.staplescan.input.Target;
import dev.staplescan.report.ChangeKind;
import dev.staplescan.report.CodeCount;
import dev.staplescan.report.EndpointChange;
import dev.staplescan.report.EndpointRow;
import dev.staplescan.report.GroupBy;
import dev.staplescan.report.GroupFigures;
import dev.staplescan.report.RunData;
import dev.staplescan.report.RunSettings;
import dev.staplescan.report.RunSummary;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@link RunData} read from the database, streaming rows with JDBC (never a whole run in memory). The
 * overview figures come from {@link RunBreakdown}, the comparison with the previous run of the same
 * host list from {@link RunComparison}: aggregate queries and capped lists.
 */
public record JdbcRunData(JdbcTemplate jdbc, long runId) implements RunData {

    private static final String ENDPOINTS =
            "SELECT t.*, a.verdict, a.protocols, a.stapled, a.ocsp_status, a.this_update, "
                    + "a.next_update, a.cert_not_after, a.must_staple, a.subject, a.issuer, a.serial, a.responder_url, "
                    + "a.stapled_tls13, a.stapled_tls12, "
                    + "o.started_at, o.addresses, f.seq, f.code, f.severity, f.message, f.control "
                    + "FROM ss_target t JOIN ss_assessment a ON a.run_id = t.run_id AND a.line = t.line "
                    + "JOIN ss_observation o ON o.run_id = t.run_id AND o.line = t.line "
                    + "LEFT JOIN ss_finding f ON f.run_id = t.run_id AND f.line = t.line ";

    /** The verdicts that count as failing ({@link Verdict#failing()}), as an SQL IN list. */
    static final String FAILING = Sql.in(Arrays.stream(Verdict.values()).filter(Verdict::failing));

    /** Failing endpoints fetched per query when listing them (an IN list of line numbers). */
    private static final int PICK_BATCH = 200;

    @Override
    public RunSummary summary() {
        RunStore.Run run = new RunStore(jdbc)
                .find(runId)
                .orElseThrow(() -> new IllegalArgumentException("No run " + runId + " in this database"));
        return summary(run);
    }

    @Override
    public RunSettings settings() {
        return new RunStore(jdbc)
                .find(runId)
                .map(r -> RunSettings.parse(r.options()))
                .orElse(RunSettings.UNKNOWN);
    }

    @Override
    public void forEachGroup(GroupBy by, int limit, Consumer<GroupFigures> action) {
        new RunBreakdown(jdbc, runId).forEachGroup(by, limit, action);
    }

    @Override
    public long groupCount(GroupBy by) {
        return new RunBreakdown(jdbc, runId).groupCount(by);
    }

    @Override
    public List<CodeCount> codeCounts() {
        return new RunBreakdown(jdbc, runId).codeCounts();
    }

    @Override
    public Optional<RunSummary> previous() {
        return new RunStore(jdbc).previousCompleted(runId).map(r -> new JdbcRunData(jdbc, r.id()).summary(r));
    }

    @Override
    public Map<ChangeKind, Long> changeCounts() {
        return comparison().map(RunComparison::counts).orElse(Map.of());
    }

    @Override
    public void forEachChange(ChangeKind kind, int limit, Consumer<EndpointChange> action) {
        comparison().ifPresent(c -> c.forEach(kind, limit, action));
    }

    private Optional<RunComparison> comparison() {
        return new RunStore(jdbc).previousCompleted(runId).map(r -> new RunComparison(jdbc, runId, r.id()));
    }

    private RunSummary summary(RunStore.Run run) {
        Map<Verdict, Long> verdicts = countBy(Verdict.class, "verdict", "ss_assessment");
        Map<Severity, Long> severities = countBy(Severity.class, "severity", "ss_finding");
        TargetStore targets = new TargetStore(jdbc);
        long valid = count(
                "SELECT COALESCE(SUM(" + RunBreakdown.VALID_STAPLE + "), 0) FROM ss_assessment a WHERE run_id = ?");
        return new RunSummary(
                runId,
                run.input(),
                run.policy(),
                run.scannerVersion(),
                run.startedAt(),
                run.finishedAt(),
                run.state(),
                targets.countTargets(runId),
                count("SELECT COUNT(*) FROM ss_assessment WHERE run_id = ? AND verdict <> '" + Verdict.ERROR.name()
                        + "'"),
                count("SELECT COUNT(*) FROM ss_assessment WHERE run_id = ? AND stapled"),
                valid,
                verdicts,
                severities,
                targets.countRejections(runId),
                run.duplicates());
    }

    @Override
    public void forEachEndpoint(Consumer<EndpointRow> action) {
        stream(ENDPOINTS + "WHERE t.run_id = ? ORDER BY t.line, f.seq", action);
    }

    @Override
    public void forEachFailing(int limit, Consumer<EndpointRow> action) {
        // Fair to every owner: rank each owner's failing endpoints worst first, then take rank 1 of
        // every owner, rank 2 of every owner, ... until the limit. With many owners each still gets
        // its worst endpoints listed, instead of the first owners alphabetically taking all rows.
        // The pick is a query of its own (at most `limit` small rows): joined into the row query,
        // H2 re-evaluates the window function per joined row, which is quadratic on large runs.
        record Pick(long line, String owner, int severity) {}
        List<Pick> picks = jdbc.query(
                "SELECT line, owner, sev FROM (SELECT a2.line, t2.owner, " + severityRank("a2")
                        + " AS sev, ROW_NUMBER() OVER (PARTITION BY t2.owner ORDER BY " + severityRank("a2")
                        + ", a2.line) AS rk "
                        + "FROM ss_assessment a2 JOIN ss_target t2 ON t2.run_id = a2.run_id AND t2.line = a2.line "
                        + "WHERE a2.run_id = ? AND a2.verdict IN " + FAILING
                        + ") ranked ORDER BY rk, owner FETCH FIRST "
                        + Math.max(0, limit) + " ROWS ONLY",
                (rs, i) -> new Pick(rs.getLong(1), rs.getString(2), rs.getInt(3)),
                runId);
        picks.sort(Comparator.comparing(Pick::owner)
                .thenComparingInt(Pick::severity)
                .thenComparingLong(Pick::line));
        for (int from = 0; from < picks.size(); from += PICK_BATCH) {
            List<Pick> batch = picks.subList(from, Math.min(picks.size(), from + PICK_BATCH));
            Map<Long, EndpointRow> rows = new HashMap<>();
            String lines =
                    batch.stream().map(pick -> Long.toString(pick.line())).collect(Collectors.joining(","));
            stream(
                    ENDPOINTS + "WHERE t.run_id = ? AND t.line IN (" + lines + ") ORDER BY t.line, f.seq",
                    row -> rows.put(row.target().line(), row));
            batch.forEach(pick -> action.accept(rows.get(pick.line())));
        }
    }

    /** SQL ordering most severe first by an assessment's worst severity (no finding last). */
    private static String severityRank(String alias) {
        return "CASE " + alias + ".worst_severity WHEN 'CRITICAL' THEN 0 WHEN 'HIGH' THEN 1 WHEN 'MEDIUM' THEN 2 "
                + "WHEN 'LOW' THEN 3 WHEN 'INFO' THEN 4 ELSE 5 END";
    }

    @Override
    public void forEachRejection(Consumer<Rejection> action) {
        jdbc.query(
                "SELECT line, content, reason FROM ss_rejection WHERE run_id = ? ORDER BY line",
                rs -> {
                    action.accept(new Rejection(rs.getLong(1), rs.getString(2), rs.getString(3)));
                },
                runId);
    }

    /** Streams joined rows, folding the consecutive rows of one endpoint (one per finding) into one row. */
    private void stream(String sql, Consumer<EndpointRow> action) {
        Builder[] current = {null};
        jdbc.query(
                sql,
                rs -> {
                    long line = rs.getLong("line");
                    if (current[0] != null && current[0].target.line() != line) {
                        action.accept(current[0].build());
                        current[0] = null;
                    }
                    if (current[0] == null) {
                        current[0] = new Builder(rs);
                    }
                    String code = rs.getString("code");
                    if (code != null) {
                        current[0].findings.add(new Finding(
                                FindingCode.valueOf(code),
                                Severity.valueOf(rs.getString("severity")),
                                rs.getString("message"),
                                rs.getString("control")));
                    }
                },
                runId);
        if (current[0] != null) {
            action.accept(current[0].build());
        }
    }

    /** How many rows of {@code table} in this run have each value of {@code column}; 0 for the values none has. */
    private <E extends Enum<E>> Map<E, Long> countBy(Class<E> type, String column, String table) {
        Map<E, Long> counts = new EnumMap<>(type);
        for (E value : type.getEnumConstants()) {
            counts.put(value, 0L);
        }
        jdbc.query(
                "SELECT " + column + ", COUNT(*) FROM " + table + " WHERE run_id = ? GROUP BY " + column,
                rs -> {
                    counts.put(Enum.valueOf(type, rs.getString(1)), rs.getLong(2));
                },
                runId);
        return counts;
    }

    private long count(String sql) {
        Long n = jdbc.queryForObject(sql, Long.class, runId);
        return n == null ? 0 : n;
    }

    /** Collects one endpoint's rows. */
    private static final class Builder {
        final Target target;
        final Instant scannedAt;
        final String addresses;
        final Verdict verdict;
        final EndpointFacts facts;
        final List<Finding> findings = new ArrayList<>();

        Builder(ResultSet rs) throws SQLException {
            target = TargetStore.target(rs);
            scannedAt = instant(rs, "started_at");
            addresses = rs.getString("addresses");
            verdict = Verdict.valueOf(rs.getString("verdict"));
            facts = new EndpointFacts(
                    rs.getString("protocols"),
                    bool(rs, "stapled"),
                    rs.getString("ocsp_status"),
                    instant(rs, "this_update"),
                    instant(rs, "next_update"),
                    instant(rs, "cert_not_after"),
                    bool(rs, "must_staple"),
                    rs.getString("subject"),
                    rs.getString("issuer"),
                    rs.getString("serial"),
                    rs.getString("responder_url"),
                    bool(rs, "stapled_tls13"),
                    bool(rs, "stapled_tls12"));
        }

        EndpointRow build() {
            return new EndpointRow(target, scannedAt, addresses, verdict, findings, facts);
        }

        private static Instant instant(ResultSet rs, String column) throws SQLException {
            Timestamp t = rs.getTimestamp(column);
            return t == null ? null : t.toInstant();
        }

        private static Boolean bool(ResultSet rs, String column) throws SQLException {
            boolean b = rs.getBoolean(column);
            return rs.wasNull() ? null : b;
        }
    }
}
