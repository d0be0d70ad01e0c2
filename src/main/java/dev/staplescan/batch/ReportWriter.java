package dev.staplescan.batch;

import dev.staplescan.report.CsvExporter;
import dev.staplescan.report.PdfReport;
import dev.staplescan.report.RunData;
import dev.staplescan.settings.ReportFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Writes a run's report files: the CSV files and the PDF, as the run's settings ask.
 *
 * @param csvBom  start the CSV files with a UTF-8 byte-order mark
 * @param formats the files to write
 */
public record ReportWriter(boolean csvBom, Set<ReportFormat> formats) {

    public ReportWriter {
        formats = Set.copyOf(formats);
    }

    /** Writes the report files of a run into {@code dir}. */
    public void write(RunData data, Path dir) throws IOException {
        Files.createDirectories(dir);
        if (formats.contains(ReportFormat.CSV)) {
            new CsvExporter(csvBom).export(data, dir);
        }
        if (formats.contains(ReportFormat.PDF)) {
            new PdfReport().render(data, dir.resolve("report.pdf"));
        }
    }
}
