package dev.staplescan.jobs;

import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Set;

/**
 * The {@code output.directory} of a job definition (the section's other fields are settings:
 * {@code formats}, {@code csv-bom}).
 *
 * @param directory where the report files go: an absolute path pattern with placeholders
 *                  {@code {name}}, {@code {input}}, {@code {date}}, {@code {time}} and {@code {run}}
 */
public record OutputSpec(String directory) {

    /** The placeholders a directory pattern may use. */
    public static final Set<String> PLACEHOLDERS = Set.of("name", "input", "date", "time", "run");

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmmss");

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
