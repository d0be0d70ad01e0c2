package dev.staplescan.settings;

import java.util.Comparator;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The report files a run can write (the {@code formats} setting): the PDF and the three CSV files. */
public enum ReportFormat {
    /** {@code report.pdf}. */
    PDF,
    /** {@code endpoints.csv}, {@code findings.csv}, {@code rejections.csv}. */
    CSV;

    /** The lower-case names in declaration order, comma separated ({@code pdf,csv}). */
    public static String join(Set<ReportFormat> formats) {
        return formats.stream()
                .sorted(Comparator.naturalOrder())
                .map(f -> f.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(","));
    }
}
