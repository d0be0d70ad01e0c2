package dev.staplescan.report;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.List;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.util.JRLoader;

/**
 * The compiled JasperReports templates of the PDF report, read from the classpath folder
 * {@code reports/} (the repository's top-level {@code reports/}, packaged into the jar).
 *
 * <p>Compiling a template runs the Java compiler over its expressions (about a second or two), so
 * the three templates are compiled once per process, on first use, and kept. When the build has put
 * precompiled {@code reports/NAME.jasper} files next to them ({@link ReportTemplateCompiler}), those
 * are loaded instead: inside a Spring Boot jar the libraries are nested jars that the Java compiler
 * cannot read, so compiling there fails.
 *
 * @param main        the report: cover, failing endpoints, summary sections
 * @param rejections  subreport listing rejected host-list lines
 * @param glossary    subreport listing the finding codes of the run
 * @param loadMillis  how long loading (or compiling) them took, for the timing log
 */
record ReportTemplates(JasperReport main, JasperReport rejections, JasperReport glossary, long loadMillis) {

    /** The template names, as in {@code reports/NAME.jrxml}. */
    static final List<String> NAMES = List.of("staplescan-report", "rejections", "glossary");

    private static ReportTemplates compiled;

    /** The templates, compiled on the first call. */
    static synchronized ReportTemplates get() {
        if (compiled == null) {
            long start = System.nanoTime();
            JasperReport main = load(NAMES.get(0));
            JasperReport rejections = load(NAMES.get(1));
            JasperReport glossary = load(NAMES.get(2));
            compiled = new ReportTemplates(main, rejections, glossary, (System.nanoTime() - start) / 1_000_000);
        }
        return compiled;
    }

    private static JasperReport load(String name) {
        URL precompiled = ReportTemplates.class.getResource("/reports/" + name + ".jasper");
        if (precompiled == null) {
            return compile(name);
        }
        try {
            return (JasperReport) JRLoader.loadObject(precompiled);
        } catch (JRException e) {
            throw new IllegalStateException("precompiled report template " + precompiled + " cannot be read: "
                    + e.getMessage(), e);
        }
    }

    /** Compiles {@code reports/NAME.jrxml} from the classpath. */
    static JasperReport compile(String name) {
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
