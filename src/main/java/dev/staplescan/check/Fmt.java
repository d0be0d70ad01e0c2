package dev.staplescan.check;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** Formatting for finding messages: ISO-8601 UTC instants, hex serials, short durations. */
public final class Fmt {

    private Fmt() {}

    /** {@code 2026-11-22T04:51:31Z}. */
    public static String instant(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** Upper-case hex, as openssl prints serials. */
    public static String serial(BigInteger serial) {
        return serial.toString(16).toUpperCase(Locale.ROOT);
    }

    /** {@code CN=leaf,O=x (serial 4F2A...)}. */
    public static String cert(X509Certificate c) {
        return c.getSubjectX500Principal().getName() + " (serial " + serial(c.getSerialNumber()) + ")";
    }

    /** {@code 3d 4h}, {@code 5h 10m}, {@code 42s}: the two largest units. */
    public static String duration(Duration d) {
        Duration abs = d.abs();
        long days = abs.toDays();
        long hours = abs.toHoursPart();
        long minutes = abs.toMinutesPart();
        if (days > 0) {
            return days + "d " + hours + "h";
        }
        if (hours > 0) {
            return hours + "h " + minutes + "m";
        }
        if (minutes > 0) {
            return minutes + "m " + abs.toSecondsPart() + "s";
        }
        return abs.toSeconds() + "s";
    }
}
