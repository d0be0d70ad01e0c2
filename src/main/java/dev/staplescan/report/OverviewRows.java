package dev.staplescan.report;

import dev.staplescan.check.Verdict;
import dev.staplescan.text.Printable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;

/**
 * The data of the report's overview page: the breakdown table by owner and environment, the chart of
 * stapling by owner and the chart of the most frequent finding codes. Each is a capped aggregate read
 * from {@link RunData}, so the page costs the same for ten endpoints and for a million.
 */
final class OverviewRows {

    /** Owner/environment pairs listed in the breakdown table; the rest are summed in one row. */
    static final int BREAKDOWN_GROUPS = 200;
    /** Owners in the stapling chart (the largest). */
    static final int CHART_OWNERS = 12;
    /** Codes in the top-codes chart. */
    static final int TOP_CODES = 10;

    private OverviewRows() {}

    /** Adds the overview's parameters to {@code p}. */
    static void put(RunData data, RunSummary summary, Map<String, Object> p) {
        List<GroupFigures> groups = new ArrayList<>();
        data.forEachGroup(GroupBy.OWNER_AND_ENVIRONMENT, BREAKDOWN_GROUPS, groups::add);
        long groupCount = data.groupCount(GroupBy.OWNER_AND_ENVIRONMENT);
        p.put("breakdownData", new JRMapCollectionDataSource(breakdown(groups, groupCount, summary)));
        p.put("breakdownGroups", groupCount);
        p.put("breakdownShown", (long) groups.size());

        List<Map<String, ?>> owners = new ArrayList<>();
        data.forEachGroup(GroupBy.OWNER, CHART_OWNERS, g -> {
            String owner = label(g.owner());
            owners.add(Map.of("series", "Stapling", "category", owner, "value", g.percent(g.stapling())));
            owners.add(Map.of("series", "Valid staple", "category", owner, "value", g.percent(g.validStaples())));
        });
        p.put("ownerChartData", new JRMapCollectionDataSource(owners));
        p.put("ownerCount", data.groupCount(GroupBy.OWNER));
        p.put("ownerChartHeight", 40 + 26 * Math.max(1, owners.size() / 2));

        List<Map<String, ?>> codes = new ArrayList<>();
        data.codeCounts().stream()
                .sorted(Comparator.comparingLong(CodeCount::endpoints)
                        .reversed()
                        .thenComparing(CodeCount::code))
                .limit(TOP_CODES)
                .forEach(c -> codes.add(Map.of("label", c.code().name(), "count", c.endpoints())));
        p.put("codeChartData", new JRMapCollectionDataSource(codes));
        p.put("codeChartRows", (long) codes.size());
        p.put("codeChartHeight", 40 + 18 * Math.max(1, codes.size()));
    }

    /**
     * Table rows: the shown groups by owner then environment (easier to read than by size), an "other
     * groups" row when some were left out, and a total row for the whole run.
     */
    private static List<Map<String, ?>> breakdown(List<GroupFigures> shown, long groupCount, RunSummary s) {
        List<Map<String, ?>> rows = new ArrayList<>();
        shown.stream()
                .sorted(Comparator.comparing((GroupFigures g) -> g.owner()).thenComparing(GroupFigures::environment))
                .forEach(g -> rows.add(row("group", label(g.owner()), label(g.environment()), g)));
        GroupFigures total = new GroupFigures(
                null,
                null,
                s.endpoints(),
                count(s, Verdict.PASS),
                count(s, Verdict.WARN),
                count(s, Verdict.FAIL),
                count(s, Verdict.ERROR),
                s.stapling(),
                s.validStaples());
        if (groupCount > shown.size()) {
            GroupFigures rest = new GroupFigures(
                    null,
                    null,
                    total.endpoints() - sum(shown, GroupFigures::endpoints),
                    total.pass() - sum(shown, GroupFigures::pass),
                    total.warn() - sum(shown, GroupFigures::warn),
                    total.fail() - sum(shown, GroupFigures::fail),
                    total.error() - sum(shown, GroupFigures::error),
                    total.stapling() - sum(shown, GroupFigures::stapling),
                    total.validStaples() - sum(shown, GroupFigures::validStaples));
            rows.add(row("other", String.format("%,d other groups", groupCount - shown.size()), "", rest));
        }
        rows.add(row("total", "All endpoints", "", total));
        return rows;
    }

    private static Map<String, ?> row(String kind, String owner, String environment, GroupFigures g) {
        Map<String, Object> row = new HashMap<>();
        row.put("kind", kind);
        row.put("owner", owner);
        row.put("environment", environment);
        row.put("endpoints", g.endpoints());
        row.put("pass", g.pass());
        row.put("warn", g.warn());
        row.put("fail", g.fail());
        row.put("error", g.error());
        row.put("stapling", g.percent(g.stapling()));
        row.put("valid", g.percent(g.validStaples()));
        return row;
    }

    private static long sum(List<GroupFigures> groups, ToLongFunction<GroupFigures> figure) {
        return groups.stream().mapToLong(figure).sum();
    }

    private static long count(RunSummary s, Verdict v) {
        return ReportFacts.count(s.verdicts().get(v));
    }

    /** Owners and environments are free text from the host list (escaped); an empty one is shown as such. */
    static String label(String value) {
        return value == null || value.isEmpty() ? "(none)" : Printable.escape(value);
    }
}
