package dev.staplescan.scan;

import java.time.Duration;

/**
 * A point on the monotonic clock by which an endpoint's scan must end (the total per-endpoint
 * budget). Each step's own timeout is clipped to what is left, so the budget holds even when every
 * step uses its full timeout.
 *
 * @param endNanos {@link System#nanoTime()} value at which the budget is spent
 */
record Deadline(long endNanos) {

    static Deadline after(Duration budget) {
        return new Deadline(System.nanoTime() + budget.toNanos());
    }

    /**
     * Milliseconds left, rounded up; zero or negative when spent. Rounded up so that a step clipped to
     * the remainder times out at or after the deadline, never a fraction of a millisecond before it:
     * otherwise the next attempt would start with a sliver of budget and fail as "Socket closed"
     * instead of being recorded as not attempted.
     */
    long remainingMillis() {
        return Math.ceilDiv(endNanos - System.nanoTime(), 1_000_000L);
    }

    /**
     * Spent when no time is left. {@link #remainingMillis} rounds up, so a clipped attempt's timeout
     * never ends before the deadline; the scanner additionally refuses to start an attempt with less
     * than {@code Scanner.MIN_ATTEMPT_MILLIS} left, since such an attempt could only fail.
     */
    boolean expired() {
        return remainingMillis() <= 0;
    }

    /**
     * {@code timeout} shortened to the time left, as socket-ready milliseconds: at least 1, because 0
     * means "wait forever" to {@code Socket.connect} and {@code setSoTimeout}.
     */
    int clip(Duration timeout) {
        long ms = Math.min(timeout.toMillis(), remainingMillis());
        return (int) Math.max(1, Math.min(ms, Integer.MAX_VALUE));
    }

    static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000L;
    }
}
