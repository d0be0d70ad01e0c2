package dev.staplescan.report;

import dev.staplescan.check.Verdict;
import dev.staplescan.input.Rejection;
import dev.staplescan.text.Printable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders a run's compliance report as a PDF (SPEC §7) from the JasperReports templates in
 * {@code reports/}, in this order: a cover with the run facts, headline figures and a verdict chart;
 * a breakdown by owner and environment with charts of stapling by owner and of the top finding codes;
 * the changes since the previous run of the same host list; the failing endpoints grouped by owner
 * with their findings; the rejected host-list lines; the methodology; a glossary of every finding
 * code with its source and remediation per server. Every section is a PDF bookmark; page numbers in
 * the footer, fonts embedded (DejaVu Sans), greys only so it prints in black and white.
 *
 * <p>Bounded on any run size: the failing-endpoints section lists at most {@code failingEndpointCap}
 * endpoints and says how many more there are; the breakdown, the change lists and the rejections
 * are capped too ({@link OverviewRows}, {@link ChangeRows}, {@value #REJECTIONS_SHOWN} rejections);
 * everything else is aggregate counts. The templates are compiled once per process.
 */
public final class PdfReport {

    /** Failing endpoints listed by default: about 115 pages when each has one finding. */
    public static final int DEFAULT_FAILING_ENDPOINT_CAP = 2_000;
    /** Rejected lines listed; the rest are counted (all are in rejections.csv). */
    public static final int REJECTIONS_SHOWN = 50;

    private static final Logger log = LoggerFactory.getLogger(PdfReport.class);

    private final int failingEndpointCap;

    /** A renderer listing at most {@value #DEFAULT_FAILING_ENDPOINT_CAP} failing endpoints. */
    public PdfReport() {
        this(DEFAULT_FAILING_ENDPOINT_CAP);
    }

    /** @param failingEndpointCap how many failing endpoints to list at most (at least 1) */
    public PdfReport(int failingEndpointCap) {
        if (failingEndpointCap < 1) {
            throw new IllegalArgumentException("failingEndpointCap must be at least 1, got " + failingEndpointCap);
        }
        this.failingEndpointCap = failingEndpointCap;
    }

    /**
     * Writes the report of {@code data} to {@code pdfFile}. The file is written under a temporary name
     * and moved into place when complete.
     *
     * @throws IOException when the file cannot be written
     */
    public void render(RunData data, Path pdfFile) throws IOException {
        ReportTemplates templates = ReportTemplates.get();
        long start = System.nanoTime();
        JasperPrint print = fill(data, templates);
        long filled = System.nanoTime();
        export(print, pdfFile);
        long exported = System.nanoTime();
        log.info(
                "{}: {} pages; templates ready in {} ms (once per process), fill {} ms, export {} ms",
                pdfFile,
                print.getPages().size(),
                templates.loadMillis(),
                (filled - start) / 1_000_000,
                (exported - filled) / 1_000_000);
    }

    private JasperPrint fill(RunData data, ReportTemplates templates) {
        RunSummary summary = data.summary();
        FailingRows failing = FailingRows.collect(data, failingEndpointCap);
        List<Map<String, ?>> rejections = firstRejections(data);
        List<CodeCount> codes = data.codeCounts();

        Map<String, Object> p = new HashMap<>(ReportFacts.of(summary));
        p.put(JRParameter.REPORT_LOCALE, Locale.ENGLISH);
        p.put(JRParameter.REPORT_TIME_ZONE, TimeZone.getTimeZone("UTC"));
        p.put("failingTotal", summary.failing());
        p.put("failingShown", failing.endpoints());
        p.put("rejectionsShown", (long) rejections.size());
        p.put("verdictData", verdictChartData(summary));
        p.put("rejectionsReport", templates.sub("rejections"));
        p.put("rejectionsData", new JRMapCollectionDataSource(rejections));
        p.put("glossaryReport", templates.sub("glossary"));
        p.put("glossaryData", GlossaryRows.of(codes));
        p.put("glossaryCodes", (long) codes.size());
        p.put("breakdownReport", templates.sub("breakdown"));
        OverviewRows.put(data, summary, p);
        p.put("changesReport", templates.sub("changes"));
        ChangeRows.put(data, p);
        p.put("methodologyReport", templates.sub("methodology"));
        MethodologyFacts.put(summary, data.settings(), p);
        try {
            return JasperFillManager.fillReport(templates.main(), p, failing);
        } catch (JRException e) {
            // the data is in memory by now: a fill failure is a template or parameter bug of ours
            throw new IllegalStateException("filling the PDF report failed: " + e.getMessage(), e);
        }
    }

    private static List<Map<String, ?>> firstRejections(RunData data) {
        List<Map<String, ?>> rows = new ArrayList<>();
        // streams them all (the interface has no limit), keeping the first: rejections are few in a usable list
        data.forEachRejection((Rejection r) -> {
            if (rows.size() < REJECTIONS_SHOWN) {
                rows.add(Map.of(
                        "line",
                        r.line(),
                        "content",
                        Printable.escape(r.content()),
                        "reason",
                        Printable.escape(r.reason())));
            }
        });
        return rows;
    }

    private static JRMapCollectionDataSource verdictChartData(RunSummary summary) {
        List<Map<String, ?>> rows = new ArrayList<>();
        for (Verdict v : Verdict.values()) {
            rows.add(Map.of(
                    "label",
                    v.name(),
                    "count",
                    ReportFacts.count(summary.verdicts().get(v))));
        }
        return new JRMapCollectionDataSource(rows);
    }

    private static void export(JasperPrint print, Path pdfFile) throws IOException {
        Path dir = pdfFile.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = ReportFiles.siblingTemp(pdfFile);
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                JRPdfExporter exporter = new JRPdfExporter();
                exporter.setExporterInput(new SimpleExporterInput(print));
                exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
                SimplePdfExporterConfiguration config = new SimplePdfExporterConfiguration();
                config.setMetadataTitle("OCSP stapling compliance report");
                config.setMetadataCreator("staplescan");
                exporter.setConfiguration(config);
                exporter.exportReport();
            } catch (JRException e) {
                // the exporter wraps the output stream's failures (disk full, permissions)
                throw new IOException("could not write " + pdfFile + ": " + e.getMessage(), e);
            }
            Files.move(tmp, pdfFile, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
