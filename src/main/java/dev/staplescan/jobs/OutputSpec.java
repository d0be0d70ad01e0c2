package dev.staplescan.jobs;

import dev.staplescan.report.ReportFormat;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Set;

/**
 * The {@code output:} section of a job definition.
 *
 * @param directory where the report files go: an absolute path pattern with placeholders
 *                  {@code {name}}, {@code {input}}, {@code {date}}, {@code {time}} and {@code {run}}
 * @param formats   the report files to write
 * @param csvBom    whether CSV files start with a UTF-8 byte-order mark (for Excel)
 */
public record OutputSpec(String directory, Set<ReportFormat> formats, boolean csvBom) {

    /** The placeholders a directory pattern may use. */
    public static final Set<String> PLACEHOLDERS = Set.of("name", "input", "date", "time", "run");

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmmss");

    public OutputSpec {
        formats = Set.copyOf(formats);
    }

    /**
     * The directory for one run: {@code {name}} is the job's name, {@code {input}} the host list's
     * file name without extension, {@code {date}} and {@code {time}} the start ({@code 2026-11-22},
     * {@code 021500}) in the job's time zone. {@code {run}} stays: it is the run id, known only once the
     * run is created ({@code batch.AuditLauncher} fills it in).
     */
    public String expand(String name, Path input, ZonedDateTime now) {
        String file = input.getFileName().toString();
        int dot = file.lastIndexOf('.');
        return directory
                .replace("{name}", name)
                .replace("{input}", dot > 0 ? file.substring(0, dot) : file)
                .replace("{date}", DATE.format(now))
                .replace("{time}", TIME.format(now));
    }
}
