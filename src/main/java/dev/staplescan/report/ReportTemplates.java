package dev.staplescan.report;

import java.io.IOException;
import java.io.InputStream;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperReport;

/**
 * The compiled JasperReports templates of the PDF report, read from the classpath folder
 * {@code reports/} (the repository's top-level {@code reports/}, packaged into the jar).
 *
 * <p>Compiling a template runs the Java compiler over its expressions (about a second or two), so
 * the three templates are compiled once per process, on first use, and kept.
 *
 * @param main        the report: cover, failing endpoints, summary sections
 * @param rejections  subreport listing rejected host-list lines
 * @param glossary    subreport listing the finding codes of the run
 * @param compileMillis how long compiling took, for the timing log
 */
record ReportTemplates(JasperReport main, JasperReport rejections, JasperReport glossary, long compileMillis) {

    private static ReportTemplates compiled;

    /** The templates, compiled on the first call. */
    static synchronized ReportTemplates get() {
        if (compiled == null) {
            long start = System.nanoTime();
            JasperReport main = compile("staplescan-report");
            JasperReport rejections = compile("rejections");
            JasperReport glossary = compile("glossary");
            compiled = new ReportTemplates(main, rejections, glossary, (System.nanoTime() - start) / 1_000_000);
        }
        return compiled;
    }

    private static JasperReport compile(String name) {
        String resource = "/reports/" + name + ".jrxml";
        try (InputStream in = ReportTemplates.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("report template " + resource + " is missing from the classpath");
            }
            return JasperCompileManager.compileReport(in);
        } catch (JRException | IOException e) {
            // the templates ship with the program: a template that does not compile is our bug
            throw new IllegalStateException("report template " + resource + " does not compile: " + e.getMessage(), e);
        }
    }
}
