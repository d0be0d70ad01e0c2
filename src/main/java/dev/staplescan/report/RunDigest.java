package dev.staplescan.report;

import dev.staplescan.check.Finding;
import dev.staplescan.check.FindingCode;
import dev.staplescan.check.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import net.sf.jasperreports.engine.JRDataSource;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;

/**
 * What the PDF needs to know about all endpoints that {@link RunSummary} does not say: which finding
 * codes occur, how often, and at what severity. One streaming pass over the run; the memory is one
 * counter per catalogue code, whatever the number of endpoints.
 */
final class RunDigest {

    private final Map<FindingCode, Long> counts = new EnumMap<>(FindingCode.class);
    private final Map<FindingCode, Severity> worst = new EnumMap<>(FindingCode.class);

    /** Reads every endpoint of {@code data} once. */
    static RunDigest of(RunData data) {
        RunDigest digest = new RunDigest();
        data.forEachEndpoint(e -> e.findings().forEach(digest::add));
        return digest;
    }

    private void add(Finding f) {
        counts.merge(f.code(), 1L, Long::sum);
        // a policy may grade one code differently per endpoint; the glossary shows the worst grade seen
        worst.merge(f.code(), f.severity(), (a, b) -> a.atLeast(b) ? a : b);
    }

    /** Number of distinct codes found. */
    int codes() {
        return counts.size();
    }

    /** Glossary rows (code, title, severity, count, remediation), most severe first, then catalogue order. */
    JRDataSource glossary() {
        List<Map<String, ?>> rows = new ArrayList<>();
        counts.keySet().stream()
                .sorted(Comparator.comparing((FindingCode c) -> worst.get(c)).thenComparing(Comparator.naturalOrder()))
                .forEach(code -> rows.add(Map.of(
                        "code", code.name(),
                        "title", code.title(),
                        "severity", worst.get(code).name(),
                        "count", counts.get(code),
                        "remediation", code.remediation())));
        return new JRMapCollectionDataSource(rows);
    }
}
