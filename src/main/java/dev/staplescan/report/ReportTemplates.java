package dev.staplescan.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.SimpleJasperReportsContext;
import net.sf.jasperreports.engine.design.JRCompiler;
import net.sf.jasperreports.engine.util.JRLoader;
import net.sf.jasperreports.engine.xml.JRXmlLoader;

/**
 * The compiled JasperReports templates of the PDF report, read from the classpath folder
 * {@code reports/} (the repository's top-level {@code reports/}, packaged into the jar).
 *
 * <p>Compiling a template runs the Java compiler over its expressions (about a second or two), so
 * the templates are compiled once per process, on first use, and kept. When the build has put
 * precompiled {@code reports/NAME.jasper} files next to them ({@link ReportTemplateCompiler}), those
 * are loaded instead: inside a Spring Boot jar the libraries are nested jars that the Java compiler
 * cannot read, so compiling there fails.
 *
 * @param reports    every template by name: the main report (cover, overview, failing endpoints, summary
 *                   sections) and its subreports
 * @param loadMillis how long loading (or compiling) them took, for the timing log
 */
record ReportTemplates(Map<String, JasperReport> reports, long loadMillis) {

    /** The template names, as in {@code reports/NAME.jrxml}; the first is the main report. */
    static final List<String> NAMES =
            List.of("staplescan-report", "rejections", "glossary", "breakdown", "changes", "methodology");

    private static ReportTemplates compiled;

    /** The templates, compiled on the first call. */
    static synchronized ReportTemplates get() {
        if (compiled == null) {
            long start = System.nanoTime();
            Map<String, JasperReport> reports = new LinkedHashMap<>();
            NAMES.forEach(name -> reports.put(name, load(name)));
            compiled = new ReportTemplates(Map.copyOf(reports), (System.nanoTime() - start) / 1_000_000);
        }
        return compiled;
    }

    /** The main report. */
    JasperReport main() {
        return reports.get(NAMES.getFirst());
    }

    /** A subreport by its name in {@link #NAMES}. */
    JasperReport sub(String name) {
        JasperReport report = reports.get(name);
        if (report == null) {
            throw new IllegalArgumentException("no report template named " + name);
        }
        return report;
    }

    private static JasperReport load(String name) {
        URL precompiled = ReportTemplates.class.getResource("/reports/" + name + ".jasper");
        if (precompiled == null) {
            return compile(name);
        }
        try {
            return (JasperReport) JRLoader.loadObject(precompiled);
        } catch (JRException e) {
            throw new IllegalStateException(
                    "precompiled report template " + precompiled + " cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Compiles {@code reports/NAME.jrxml} from the classpath. JasperReports writes each template's
     * expression class as {@code NAME_<hash of the template>.java} into its temp directory and deletes it
     * afterwards; two processes compiling the same template into the shared {@code /tmp} (parallel
     * builds, a build beside a test run) delete each other's file ("error reading /tmp/breakdown_....java",
     * seen in CI). So each compilation gets a directory of its own.
     */
    static JasperReport compile(String name) {
        String resource = "/reports/" + name + ".jrxml";
        Path tempDir = null;
        try (InputStream in = ReportTemplates.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("report template " + resource + " is missing from the classpath");
            }
            tempDir = Files.createTempDirectory("staplescan-jasper-");
            SimpleJasperReportsContext context = new SimpleJasperReportsContext();
            context.setProperty(JRCompiler.COMPILER_TEMP_DIR, tempDir.toString());
            return JasperCompileManager.getInstance(context).compile(JRXmlLoader.load(context, in));
        } catch (JRException | IOException e) {
            // the templates ship with the program: a template that does not compile is our bug
            throw new IllegalStateException("report template " + resource + " does not compile: " + e.getMessage(), e);
        } finally {
            deleteQuietly(tempDir);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException | UncheckedIOException leftBehind) {
            // an empty directory left in the temp dir is harmless
        }
    }
}
