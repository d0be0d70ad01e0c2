package dev.staplescan.report;

import dev.staplescan.text.Printable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;

/**
 * The data of the report's "Changes since the previous run" section: the previous completed run of
 * the same host list, how many endpoints changed per {@link ChangeKind}, and the first
 * {@value #SHOWN_PER_KIND} endpoints of each kind with their verdicts and codes before and after.
 */
final class ChangeRows {

    /** Endpoints listed per kind of change; the counts cover all of them. */
    static final int SHOWN_PER_KIND = 100;

    private ChangeRows() {}

    /** Adds the section's parameters to {@code p}. */
    static void put(RunData data, Map<String, Object> p) {
        Optional<RunSummary> previous = data.previous();
        p.put("hasPrevious", previous.isPresent());
        p.put("previousRun", previous.map(ChangeRows::describe).orElse(""));
        Map<ChangeKind, Long> counts = data.changeCounts();
        for (ChangeKind kind : ChangeKind.values()) {
            p.put("changes" + kind.name(), counts.getOrDefault(kind, 0L));
        }
        // no endpoint in common: the list was replaced, and listing every endpoint twice (new, removed) says nothing
        boolean replaced = previous.isPresent()
                && counts.getOrDefault(ChangeKind.ADDED, 0L) == data.summary().endpoints()
                && counts.getOrDefault(ChangeKind.REMOVED, 0L) == previous.get().endpoints();
        p.put("changesReplaced", replaced);
        List<Map<String, ?>> rows = new ArrayList<>();
        if (previous.isPresent()) {
            for (ChangeKind kind : ChangeKind.values()) {
                long total = counts.getOrDefault(kind, 0L);
                if (total > 0 && !replaced) {
                    data.forEachChange(kind, SHOWN_PER_KIND, c -> rows.add(row(c, total)));
                }
            }
        }
        p.put("changesData", new JRMapCollectionDataSource(rows));
        p.put("changesShownPerKind", (long) SHOWN_PER_KIND);
    }

    private static String describe(RunSummary r) {
        return "run " + r.runId() + " of the same host list, started " + ReportFacts.time(r.startedAt()) + " ("
                + String.format("%,d endpoints", r.endpoints()) + ")";
    }

    private static Map<String, ?> row(EndpointChange c, long total) {
        Map<String, Object> row = new HashMap<>();
        row.put("kind", c.kind().name());
        row.put("kindTitle", c.kind().title());
        row.put("kindTotal", total);
        // host:port on the first line and the SNI under it: the key host:port:sni, readable when long names wrap
        String key = c.key();
        String hostPort = c.sni() == null || c.sni().isEmpty()
                ? key
                : key.substring(0, key.length() - c.sni().length() - 1);
        // the line break is ours; the host-list text around it is escaped like every other value (Printable)
        row.put(
                "endpoint",
                Printable.escape(hostPort)
                        + (hostPort.equals(key) ? "\nno SNI" : "\nSNI " + Printable.escape(c.sni())));
        row.put("owner", OverviewRows.label(c.owner()) + " / " + OverviewRows.label(c.environment()));
        row.put("before", c.before() == null ? "not listed" : c.before().name() + codes(c.codesBefore()));
        row.put("after", c.after() == null ? "not listed" : c.after().name() + codes(c.codesAfter()));
        return row;
    }

    /** Codes as a line under the verdict; {@code ;} becomes a comma and a space so long lists wrap. */
    private static String codes(String codes) {
        return codes == null || codes.isEmpty() ? "" : "\n" + codes.replace(";", ", ");
    }
}
