package dev.staplescan.batch;

import dev.staplescan.report.ReportFormat;
import java.util.EnumSet;
import java.util.Set;

/**
 * Who starts a run and what it writes, beyond the {@link AuditSettings} of a scan.
 *
 * @param job     the job definition's name; {@code null} for a hand-started scan. Runs are resumed only
 *                by the same job (or, for {@code null}, by {@code scan --restart}).
 * @param formats the report files to write
 */
public record LaunchOptions(String job, Set<ReportFormat> formats) {

    /** A scan started by hand: every report format. */
    public static final LaunchOptions MANUAL = new LaunchOptions(null, EnumSet.allOf(ReportFormat.class));

    public LaunchOptions {
        if (formats.isEmpty()) {
            throw new IllegalArgumentException("At least one report format is needed");
        }
        formats = Set.copyOf(formats);
    }
}
