package dev.staplescan.report;

import dev.staplescan.check.FindingCode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.sf.jasperreports.engine.JRDataSource;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;

/**
 * The glossary rows of the PDF: every catalogue code in catalogue order (grouped by area), with its
 * {@link Glossary} text and, for the codes that occur in the run, how many endpoints have it and the
 * worst severity it was given. One row per catalogue code, whatever the run's size.
 */
final class GlossaryRows {

    private GlossaryRows() {}

    static JRDataSource of(List<CodeCount> counts) {
        Map<FindingCode, CodeCount> byCode = new HashMap<>();
        counts.forEach(c -> byCode.put(c.code(), c));
        Glossary glossary = Glossary.get();
        List<Map<String, ?>> rows = new ArrayList<>();
        for (FindingCode code : FindingCode.values()) {
            Glossary.Entry e = glossary.entry(code);
            CodeCount found = byCode.get(code);
            Map<String, Object> row = new HashMap<>();
            row.put("area", area(code.area()));
            row.put("code", code.name());
            row.put("title", code.title());
            row.put("severity", code.defaultSeverity().name());
            row.put("endpoints", found == null ? 0L : found.endpoints());
            row.put("runSeverity", found == null ? "" : found.worstSeverity().name());
            row.put("meaning", e.meaning());
            row.put("source", e.source());
            row.put("nginx", e.nginx());
            row.put("apache", e.apache());
            row.put("haproxy", e.haproxy());
            row.put("iis", e.iis());
            row.put("cloud", e.cloud());
            rows.add(row);
        }
        return new JRMapCollectionDataSource(rows);
    }

    /** The area headings of SPEC §5. */
    private static String area(FindingCode.Area area) {
        return switch (area) {
            case REACHABILITY -> "Reachability";
            case CERTIFICATE -> "Certificate";
            case STAPLING -> "Stapling support";
            case STAPLE_VALIDITY -> "Staple validity";
            case RESPONDER -> "OCSP responder";
        };
    }
}
