package dev.staplescan.store;

import dev.staplescan.check.Verdict;
import dev.staplescan.report.ChangeKind;
import dev.staplescan.report.EndpointChange;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Compares a run with an earlier run of the same host list, endpoint by endpoint, matching them by
 * their key (host, port, sni: the run's unique key, so the join uses its index). Counts are one
 * aggregate query; lists are capped by the database ({@code FETCH FIRST}), so a million-endpoint
 * comparison holds at most the cap in memory.
 */
record RunComparison(JdbcTemplate jdbc, long runId, long previousId) {

    private static final String FAILING = JdbcRunData.FAILING;
    private static final String PASSING = Sql.in(Arrays.stream(Verdict.values()).filter(v -> !v.failing()));

    /** This run's endpoints, each with its counterpart in the previous run when there is one. */
    private static final String CURRENT = "SELECT t.host, t.port, t.sni, t.owner, t.environment, "
            + "pa.verdict AS before_verdict, pa.finding_codes AS before_codes, a.verdict AS after_verdict, "
            + "a.finding_codes AS after_codes "
            + "FROM ss_target t JOIN ss_assessment a ON a.run_id = t.run_id AND a.line = t.line "
            + "LEFT JOIN ss_target pt ON pt.run_id = ? AND pt.host = t.host AND pt.port = t.port AND pt.sni = t.sni "
            + "LEFT JOIN ss_assessment pa ON pa.run_id = pt.run_id AND pa.line = pt.line "
            + "WHERE t.run_id = ? ";

    /** The previous run's endpoints that this run does not have. */
    private static final String REMOVED = "SELECT pt.host, pt.port, pt.sni, pt.owner, pt.environment, "
            + "pa.verdict AS before_verdict, pa.finding_codes AS before_codes, NULL AS after_verdict, "
            + "NULL AS after_codes "
            + "FROM ss_target pt JOIN ss_assessment pa ON pa.run_id = pt.run_id AND pa.line = pt.line "
            + "WHERE pt.run_id = ? AND NOT EXISTS (SELECT 1 FROM ss_target t WHERE t.run_id = ? "
            + "AND t.host = pt.host AND t.port = pt.port AND t.sni = pt.sni) ";

    /** Endpoints per kind of change, every kind present. */
    Map<ChangeKind, Long> counts() {
        Map<ChangeKind, Long> counts = new EnumMap<>(ChangeKind.class);
        jdbc.query(
                "SELECT " + sum(ChangeKind.NEWLY_FAILING) + ", " + sum(ChangeKind.FIXED) + ", "
                        + sum(ChangeKind.STILL_FAILING) + ", " + sum(ChangeKind.ADDED) + " FROM (" + CURRENT + ") c",
                rs -> {
                    counts.put(ChangeKind.NEWLY_FAILING, rs.getLong(1));
                    counts.put(ChangeKind.FIXED, rs.getLong(2));
                    counts.put(ChangeKind.STILL_FAILING, rs.getLong(3));
                    counts.put(ChangeKind.ADDED, rs.getLong(4));
                },
                previousId,
                runId);
        Long removed = jdbc.queryForObject("SELECT COUNT(*) FROM (" + REMOVED + ") r", Long.class, previousId, runId);
        counts.put(ChangeKind.REMOVED, removed == null ? 0 : removed);
        counts.replaceAll((kind, n) -> n == null ? 0 : n);
        return counts;
    }

    /** The first {@code limit} endpoints of one kind, by owner, host, port, sni. */
    void forEach(ChangeKind kind, int limit, Consumer<EndpointChange> action) {
        String sql = kind == ChangeKind.REMOVED
                ? REMOVED + "ORDER BY pt.owner, pt.host, pt.port, pt.sni"
                : "SELECT * FROM (" + CURRENT + ") c WHERE " + condition(kind) + " ORDER BY owner, host, port, sni";
        // both queries take the previous run first, then this run
        jdbc.query(
                sql + " FETCH FIRST " + Math.max(0, limit) + " ROWS ONLY",
                rs -> {
                    action.accept(change(kind, rs));
                },
                previousId,
                runId);
    }

    private static String sum(ChangeKind kind) {
        return "SUM(CASE WHEN " + condition(kind) + " THEN 1 ELSE 0 END)";
    }

    /** The kind's condition over the columns of {@link #CURRENT}. */
    private static String condition(ChangeKind kind) {
        return switch (kind) {
            case NEWLY_FAILING -> "before_verdict IN " + PASSING + " AND after_verdict IN " + FAILING;
            case FIXED -> "before_verdict IN " + FAILING + " AND after_verdict IN " + PASSING;
            case STILL_FAILING -> "before_verdict IN " + FAILING + " AND after_verdict IN " + FAILING;
            case ADDED -> "before_verdict IS NULL";
            case REMOVED -> throw new IllegalArgumentException("REMOVED endpoints are not in the current run");
        };
    }

    private static EndpointChange change(ChangeKind kind, ResultSet rs) throws SQLException {
        return new EndpointChange(
                kind,
                rs.getString("host"),
                rs.getInt("port"),
                rs.getString("sni"),
                rs.getString("owner"),
                rs.getString("environment"),
                verdict(rs.getString("before_verdict")),
                verdict(rs.getString("after_verdict")),
                text(rs.getString("before_codes")),
                text(rs.getString("after_codes")));
    }

    private static Verdict verdict(String v) {
        return v == null ? null : Verdict.valueOf(v);
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
