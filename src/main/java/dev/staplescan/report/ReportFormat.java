package dev.staplescan.report;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The report files a run can write: the PDF ({@code report.pdf}) and the three CSV files. */
public enum ReportFormat {
    /** {@code report.pdf}. */
    PDF,
    /** {@code endpoints.csv}, {@code findings.csv}, {@code rejections.csv}. */
    CSV;

    /** The lower-case names, comma separated ({@code pdf,csv}), as stored in job parameters. */
    public static String join(Set<ReportFormat> formats) {
        return formats.stream().map(f -> f.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(","));
    }

    /** Parses {@link #join}'s form; {@code null} or blank (a run from before formats existed) means all. */
    public static Set<ReportFormat> parse(String joined) {
        if (joined == null || joined.isBlank()) {
            return EnumSet.allOf(ReportFormat.class);
        }
        Set<ReportFormat> formats = EnumSet.noneOf(ReportFormat.class);
        for (String f : joined.split(",")) {
            formats.add(valueOf(f.strip().toUpperCase(Locale.ROOT)));
        }
        return formats;
    }
}
