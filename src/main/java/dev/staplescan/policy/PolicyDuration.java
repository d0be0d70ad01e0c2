package dev.staplescan.policy;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as policy files write them: a whole number and a unit, {@code 21d}, {@code 24h},
 * {@code 5m}, {@code 30s}, or ISO-8601 ({@code P21D}, {@code PT5M}). Zero is allowed (it switches a
 * threshold off, or allows no clock skew); negative values are not. Days are 24 hours: thresholds
 * are compared with instants, not calendar dates.
 */
final class PolicyDuration {

    static final String FORMS =
            "a whole number with a unit d, h, m or s (e.g. 21d, 24h, 5m, 30s), or ISO-8601 " + "(e.g. P21D, PT5M)";

    private static final Pattern SHORT = Pattern.compile("(\\d{1,9})\\s*([dhms])");

    private PolicyDuration() {}

    /** The duration, or empty when {@code text} is not one (or is negative). */
    static Optional<Duration> parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        Matcher m = SHORT.matcher(t);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return Optional.of(
                    switch (m.group(2)) {
                        case "d" -> Duration.ofDays(n);
                        case "h" -> Duration.ofHours(n);
                        case "m" -> Duration.ofMinutes(n);
                        default -> Duration.ofSeconds(n);
                    });
        }
        if (t.startsWith("p")) {
            try {
                Duration d = Duration.parse(t.toUpperCase(Locale.ROOT));
                return d.isNegative() ? Optional.empty() : Optional.of(d);
            } catch (DateTimeParseException e) {
                // Not ISO-8601 either: the caller reports the forms it accepts.
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The shortest exact short form: {@code 4d}, {@code 24h} is {@code 1d}, {@code 90s} stays {@code 90s}. */
    static String format(Duration d) {
        long s = d.getSeconds();
        if (d.getNano() != 0) {
            return d.toString();
        }
        if (s % 86_400 == 0) {
            return s / 86_400 + "d";
        }
        if (s % 3_600 == 0) {
            return s / 3_600 + "h";
        }
        if (s % 60 == 0) {
            return s / 60 + "m";
        }
        return s + "s";
    }
}
