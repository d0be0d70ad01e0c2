package dev.staplescan.report;

import dev.staplescan.check.Severity;
import dev.staplescan.check.Verdict;
import dev.staplescan.text.Printable;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The cover page's parameters of {@code staplescan-report.jrxml}, from a {@link RunSummary}: run
 * facts as display text (times in UTC), figures as numbers for the template to format.
 */
final class ReportFacts {

    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private ReportFacts() {}

    static Map<String, Object> of(RunSummary s) {
        Map<String, Object> p = new HashMap<>();
        p.put("runId", s.runId());
        p.put("input", text(s.input()));
        p.put("policy", text(s.policy()));
        p.put("scannerVersion", text(s.scannerVersion()));
        p.put("startedAt", time(s.startedAt()));
        p.put("finishedAt", s.finishedAt() == null ? "not finished" : time(s.finishedAt()));
        p.put(
                "duration",
                s.finishedAt() == null || s.startedAt() == null
                        ? "unknown"
                        : duration(Duration.between(s.startedAt(), s.finishedAt())));
        p.put("status", s.status() == null ? "unknown" : s.status().name());
        p.put("generatedAt", time(Instant.now()));
        p.put("endpoints", s.endpoints());
        p.put("reachable", s.reachable());
        p.put("stapling", s.stapling());
        p.put("validStaples", s.validStaples());
        p.put("rejections", s.rejections());
        p.put("duplicates", s.duplicates());
        p.put("pass", count(s.verdicts().get(Verdict.PASS)));
        p.put("warn", count(s.verdicts().get(Verdict.WARN)));
        p.put("fail", count(s.verdicts().get(Verdict.FAIL)));
        p.put("error", count(s.verdicts().get(Verdict.ERROR)));
        p.put("critical", severity(s, Severity.CRITICAL));
        p.put("high", severity(s, Severity.HIGH));
        p.put("medium", severity(s, Severity.MEDIUM));
        p.put("low", severity(s, Severity.LOW));
        p.put("info", severity(s, Severity.INFO));
        return p;
    }

    /** Run facts are shown as text (escaped: a path may hold anything); a missing one says so instead of "null". */
    private static String text(String value) {
        return value == null || value.isBlank() ? "unknown" : Printable.escape(value);
    }

    /** A count from one of the summary's maps; a missing key counts as zero. */
    static long count(Long value) {
        return value == null ? 0 : value;
    }

    private static long severity(RunSummary s, Severity severity) {
        return count(s.findingsBySeverity().get(severity));
    }

    static String time(Instant instant) {
        return instant == null ? "unknown" : UTC.format(instant);
    }

    /** "2 h 05 min 09 s", "12 min 34 s", "3 s": what a reader wants, not ISO-8601's PT12M34S. */
    static String duration(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s >= 3600) {
            return String.format(Locale.ROOT, "%d h %02d min %02d s", s / 3600, s % 3600 / 60, s % 60);
        }
        if (s >= 60) {
            return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        }
        return s + " s";
    }
}
