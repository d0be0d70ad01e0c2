package dev.staplescan.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.util.JRSaver;

/**
 * Build step: compiles the report templates into {@code .jasper} files, so that the packaged jar
 * ships them compiled and {@link ReportTemplates} never needs the Java compiler at run time (which
 * cannot see the nested library jars of a Spring Boot jar). Run by Maven in {@code process-classes}
 * with the project's class path: {@code ReportTemplateCompiler target/classes/reports}.
 */
public final class ReportTemplateCompiler {

    private ReportTemplateCompiler() {}

    /**
     * Compiles every report template at build time.
     *
     * @param args one argument: the directory to write {@code NAME.jasper} into
     */
    public static void main(String[] args) throws IOException, JRException {
        if (args.length != 1) {
            System.err.println("usage: ReportTemplateCompiler OUTPUT_DIR");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        Files.createDirectories(out);
        for (String name : ReportTemplates.NAMES) {
            Path target = out.resolve(name + ".jasper");
            JRSaver.saveObject(ReportTemplates.compile(name), target.toFile());
            System.out.println("compiled reports/" + name + ".jrxml -> " + target);
        }
    }
}
