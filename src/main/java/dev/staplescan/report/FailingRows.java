package dev.staplescan.report;

import dev.staplescan.check.Finding;
import dev.staplescan.input.Target;
import dev.staplescan.text.Printable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import net.sf.jasperreports.engine.JRDataSource;
import net.sf.jasperreports.engine.JRField;

/**
 * The detail rows of the PDF's "Failing endpoints" section: one row per finding of each FAIL or
 * ERROR endpoint (one row with no code for an endpoint without findings), in the order of
 * {@link RunData#forEachFailing}, which is by owner as the report groups them.
 *
 * <p>Holds at most {@code limit} endpoints: that cap is what keeps a run with a million failures
 * from filling a million-page PDF or the heap. The fields are those declared in
 * {@code staplescan-report.jrxml}.
 */
final class FailingRows implements JRDataSource {

    /** One finding of one failing endpoint, as the template reads it. */
    record Row(
            String owner,
            long endpointKey,
            String endpoint,
            String sni,
            String environment,
            String verdict,
            String severity,
            String code,
            String message) {}

    private final long endpoints;
    private final Iterator<Row> cursor;
    private Row current;

    private FailingRows(List<Row> rows, long endpoints) {
        this.endpoints = endpoints;
        this.cursor = rows.iterator();
    }

    /** Reads at most {@code limit} failing endpoints from {@code data}. */
    static FailingRows collect(RunData data, int limit) {
        List<Row> rows = new ArrayList<>();
        long[] endpoints = {0};
        data.forEachFailing(limit, e -> {
            endpoints[0]++;
            Target t = e.target();
            if (e.findings().isEmpty()) {
                rows.add(row(e, t, null));
            }
            // most severe first, as the reader scans down; sorted() is stable for equal severities
            e.findings().stream()
                    .sorted(Comparator.comparing(Finding::severity))
                    .forEach(f -> rows.add(row(e, t, f)));
        });
        return new FailingRows(rows, endpoints[0]);
    }

    private static Row row(EndpointRow e, Target t, Finding f) {
        // the host-list line number is unique per run, so it tells apart endpoints that share host:port
        // host-list and server text, escaped like the CSV cells (Printable): a PDF field shows ESC as \x1b
        return new Row(
                Printable.escape(t.owner()),
                t.line(),
                Printable.escape(t.endpoint()),
                Printable.escape(t.sni()),
                Printable.escape(t.environment()),
                e.verdict().name(),
                f == null ? null : f.severity().name(),
                f == null ? null : f.code().name(),
                f == null ? null : Printable.escape(f.message()));
    }

    /** How many endpoints the rows cover. */
    long endpoints() {
        return endpoints;
    }

    @Override
    public boolean next() {
        current = cursor.hasNext() ? cursor.next() : null;
        return current != null;
    }

    @Override
    public Object getFieldValue(JRField field) {
        return switch (field.getName()) {
            case "owner" -> current.owner();
            case "endpointKey" -> current.endpointKey();
            case "endpoint" -> current.endpoint();
            case "sni" -> current.sni();
            case "environment" -> current.environment();
            case "verdict" -> current.verdict();
            case "severity" -> current.severity();
            case "code" -> current.code();
            case "message" -> current.message();
            default ->
                throw new IllegalArgumentException(
                        "the failing-endpoints template asks for an unknown field " + field.getName());
        };
    }
}
