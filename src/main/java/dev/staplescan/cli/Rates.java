package dev.staplescan.cli;

import java.util.Locale;

/** The rates shown by {@code runs} and {@code trend}, computed one way for both. */
final class Rates {

    private Rates() {}

    /** {@code part} of {@code whole} as a percentage with one decimal; "-" when there is no whole. */
    static String percent(long part, long whole) {
        return whole == 0 ? "-" : String.format(Locale.ROOT, "%.1f", 100.0 * part / whole);
    }

    /** The change of a percentage between two runs, in points with a sign; "" for the first run. */
    static String delta(Double before, double now) {
        if (before == null) {
            return "";
        }
        double d = now - before;
        return Math.abs(d) < 0.05 ? "=" : String.format(Locale.ROOT, "%+.1f", d);
    }
}
