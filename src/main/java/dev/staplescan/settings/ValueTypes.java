package dev.staplescan.settings;

import dev.staplescan.scan.HostRules;
import dev.staplescan.settings.ValueType.BadValueException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** The value types of {@link Settings}, each with its grammar, its limits and its one message per mistake. */
public final class ValueTypes {

    private ValueTypes() {}

    /** A type from a parse and a format function. */
    static <T> ValueType<T> of(Function<String, T> parse, Function<T, String> format) {
        return new ValueType<>() {
            @Override
            public T parse(String text) {
                return parse.apply(text);
            }

            @Override
            public String format(T value) {
                return format.apply(value);
            }
        };
    }

    /** A whole number from {@code min} to {@code max}. */
    public static ValueType<Integer> wholeNumber(int min, int max) {
        return of(
                text -> {
                    try {
                        int n = Integer.parseInt(text.strip());
                        if (n >= min && n <= max) {
                            return n;
                        }
                    } catch (NumberFormatException e) {
                        // not a number: the same message as out of range
                    }
                    throw new BadValueException(
                            "must be a whole number from " + min + " to " + max + ", not '" + text + "'");
                },
                String::valueOf);
    }

    /** A share from 0 to 1, e.g. {@code 0.2}. */
    public static ValueType<Double> share() {
        return of(
                text -> {
                    try {
                        double d = Double.parseDouble(text.strip());
                        if (d >= 0 && d <= 1) {
                            return d;
                        }
                    } catch (NumberFormatException e) {
                        // not a number: the same message as out of range
                    }
                    throw new BadValueException("must be a number from 0 to 1 (a share, e.g. 0.2), not '" + text + "'");
                },
                String::valueOf);
    }

    /** {@code true} or {@code false}, in any case. */
    public static ValueType<Boolean> bool() {
        return of(
                text -> switch (text.strip().toLowerCase(Locale.ROOT)) {
                    case "true" -> true;
                    case "false" -> false;
                    default -> throw new BadValueException("must be true or false, not '" + text + "'");
                },
                String::valueOf);
    }

    /**
     * A duration as operators write it: {@code 500ms}, {@code 10s}, {@code 2m}, {@code 1h}, or ISO-8601
     * {@code PT10S}; from {@code min} to {@code max} ({@code max} {@code null}: no upper bound, and
     * {@code min} the shortest positive duration).
     */
    public static ValueType<Duration> duration(Duration min, Duration max) {
        return of(
                text -> {
                    Duration d = readDuration(text);
                    if (d.compareTo(min) < 0 || (max != null && d.compareTo(max) > 0)) {
                        throw new BadValueException("must be a duration "
                                + (max == null
                                        ? "longer than zero"
                                        : "from " + formatDuration(min) + " to " + formatDuration(max))
                                + ", not '" + text + "'");
                    }
                    return d;
                },
                ValueTypes::formatDuration);
    }

    private static Duration readDuration(String text) {
        String v = text.strip().toLowerCase(Locale.ROOT);
        try {
            if (v.startsWith("pt")) {
                return Duration.parse(v.toUpperCase(Locale.ROOT));
            }
            if (v.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
            }
            if (!v.isEmpty()) {
                long n = Long.parseLong(v.substring(0, v.length() - 1));
                switch (v.charAt(v.length() - 1)) {
                    case 's' -> {
                        return Duration.ofSeconds(n);
                    }
                    case 'm' -> {
                        return Duration.ofMinutes(n);
                    }
                    case 'h' -> {
                        return Duration.ofHours(n);
                    }
                    default -> {
                        // another unit: refused below
                    }
                }
            }
        } catch (NumberFormatException | DateTimeParseException e) {
            // refused below, with the grammar
        }
        throw new BadValueException("must be a duration such as 500ms, 10s, 2m, 1h or PT10S, not '" + text + "'");
    }

    /** The largest whole unit that fits: {@code 10s}, {@code 500ms}, {@code 2m}; ISO-8601 below a millisecond. */
    static String formatDuration(Duration d) {
        if (d.isZero() || d.isNegative() || !d.truncatedTo(ChronoUnit.MILLIS).equals(d)) {
            return d.toString();
        }
        if (d.toMillis() % 3_600_000 == 0) {
            return d.toHours() + "h";
        }
        if (d.toMillis() % 60_000 == 0) {
            return d.toMinutes() + "m";
        }
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }

    /** A file path, or none (the empty text). */
    public static ValueType<Optional<Path>> optionalPath() {
        return of(
                text -> {
                    try {
                        return text.isEmpty() ? Optional.empty() : Optional.of(Path.of(text));
                    } catch (InvalidPathException e) {
                        throw new BadValueException("must be a file path, not '" + text + "' (" + e.getReason() + ")");
                    }
                },
                p -> p.map(Path::toString).orElse(""));
    }

    /** Any text that is not blank. */
    public static ValueType<String> text() {
        return of(
                text -> {
                    if (text.isBlank()) {
                        throw new BadValueException("must not be empty");
                    }
                    return text.strip();
                },
                t -> t);
    }

    /** {@code 1.2}, {@code 1.3} or {@code both} (also {@code tls1.3}, {@code TLSv1.3}). */
    public static ValueType<TlsChoice> tls() {
        return of(
                text -> TlsChoice.of(text)
                        .orElseThrow(() -> new BadValueException("must be 1.2, 1.3 or both, not '" + text + "'")),
                TlsChoice::toString);
    }

    /**
     * Responder allow or deny rules, comma separated ({@code 10.0.0.0/8,*.corp.example,loopback});
     * empty for none.
     */
    public static ValueType<HostRules> hostRules() {
        return of(
                text -> {
                    try {
                        return HostRules.parse(text);
                    } catch (IllegalArgumentException e) {
                        throw new BadValueException(e.getMessage());
                    }
                },
                HostRules::toString);
    }

    /** Report formats, comma separated ({@code pdf,csv}); at least one. */
    public static ValueType<Set<ReportFormat>> formats() {
        String allowed = " (allowed: "
                + ReportFormat.join(EnumSet.allOf(ReportFormat.class)).replace(",", ", ") + ")";
        return of(
                text -> {
                    Set<ReportFormat> formats = EnumSet.noneOf(ReportFormat.class);
                    for (String f : text.split(",", -1)) {
                        if (!f.isBlank()) {
                            formats.add(Arrays.stream(ReportFormat.values())
                                    .filter(r -> r.name().equalsIgnoreCase(f.strip()))
                                    .findFirst()
                                    .orElseThrow(() ->
                                            new BadValueException("unknown format '" + f.strip() + "'" + allowed)));
                        }
                    }
                    if (formats.isEmpty()) {
                        throw new BadValueException("must name at least one format" + allowed);
                    }
                    return Set.copyOf(formats);
                },
                ReportFormat::join);
    }
}
