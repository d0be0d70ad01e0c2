package dev.staplescan.store;

import dev.staplescan.check.EndpointFacts;
import dev.staplescan.check.FindingCode;
import dev.staplescan.check.Severity;
import dev.staplescan.report.CodeCount;
import dev.staplescan.report.GroupBy;
import dev.staplescan.report.GroupFigures;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Aggregate figures of a run for the report's overview: per owner and environment, and per finding
 * code. Every figure is a GROUP BY in the database; the lists are capped there, so the memory used is
 * the cap, not the run's size.
 */
record RunBreakdown(JdbcTemplate jdbc, long runId) {

    /**
     * 1 when the endpoint has a valid staple, else 0: {@code Assessment.validStaple()}
     * in SQL, with the codes that invalidate a staple taken from the catalogue.
     */
    static final String VALID_STAPLE = "CASE WHEN a.ocsp_status = '" + EndpointFacts.GOOD + "' AND NOT EXISTS ("
            + "SELECT 1 FROM ss_finding f WHERE f.run_id = a.run_id AND f.line = a.line AND f.code IN "
            + Sql.in(Arrays.stream(FindingCode.values()).filter(FindingCode::invalidatesStaple))
            + ") THEN 1 ELSE 0 END";

    void forEachGroup(GroupBy by, int limit, Consumer<GroupFigures> action) {
        String keys = keys(by);
        jdbc.query(
                "SELECT " + keys + ", COUNT(*) AS n, "
                        + "SUM(CASE WHEN a.verdict = 'PASS' THEN 1 ELSE 0 END), SUM(CASE WHEN a.verdict = 'WARN' THEN 1 ELSE 0 END), "
                        + "SUM(CASE WHEN a.verdict = 'FAIL' THEN 1 ELSE 0 END), SUM(CASE WHEN a.verdict = 'ERROR' THEN 1 ELSE 0 END), "
                        + "SUM(CASE WHEN a.stapled THEN 1 ELSE 0 END), SUM(" + VALID_STAPLE + ") "
                        + "FROM ss_target t JOIN ss_assessment a ON a.run_id = t.run_id AND a.line = t.line "
                        + "WHERE t.run_id = ? GROUP BY " + keys + " ORDER BY n DESC, " + keys
                        + " FETCH FIRST " + Math.max(0, limit) + " ROWS ONLY",
                rs -> {
                    String owner = by == GroupBy.ENVIRONMENT ? null : rs.getString("owner");
                    String environment = by == GroupBy.OWNER ? null : rs.getString("environment");
                    action.accept(new GroupFigures(
                            owner,
                            environment,
                            rs.getLong("n"),
                            rs.getLong(column(by, 1)),
                            rs.getLong(column(by, 2)),
                            rs.getLong(column(by, 3)),
                            rs.getLong(column(by, 4)),
                            rs.getLong(column(by, 5)),
                            rs.getLong(column(by, 6))));
                },
                runId);
    }

    long groupCount(GroupBy by) {
        Long n = jdbc.queryForObject(
                "SELECT COUNT(*) FROM (SELECT " + keys(by) + " FROM ss_target t "
                        + "JOIN ss_assessment a ON a.run_id = t.run_id AND a.line = t.line WHERE t.run_id = ? GROUP BY "
                        + keys(by) + ") g",
                Long.class,
                runId);
        return n == null ? 0 : n;
    }

    List<CodeCount> codeCounts() {
        List<CodeCount> counts = new ArrayList<>();
        StringBuilder rank = new StringBuilder("CASE severity");
        Severity[] mostSevereFirst = Severity.values();
        for (int i = 0; i < mostSevereFirst.length; i++) {
            rank.append(" WHEN '")
                    .append(mostSevereFirst[i].name())
                    .append("' THEN ")
                    .append(i);
        }
        rank.append(" END");
        jdbc.query(
                "SELECT code, COUNT(DISTINCT line), COUNT(*), MIN(" + rank + ") FROM ss_finding WHERE run_id = ? "
                        + "GROUP BY code",
                rs -> {
                    counts.add(new CodeCount(
                            FindingCode.valueOf(rs.getString(1)),
                            rs.getLong(2),
                            rs.getLong(3),
                            mostSevereFirst[rs.getInt(4)]));
                },
                runId);
        return counts;
    }

    private static String keys(GroupBy by) {
        return switch (by) {
            case OWNER -> "t.owner";
            case ENVIRONMENT -> "t.environment";
            case OWNER_AND_ENVIRONMENT -> "t.owner, t.environment";
        };
    }

    /** Index of the {@code i}-th figure after COUNT(*) (1 = PASS ... 6 = valid staples). */
    private static int column(GroupBy by, int i) {
        int keyColumns = by == GroupBy.OWNER_AND_ENVIRONMENT ? 2 : 1;
        return keyColumns + 1 + i;
    }
}
