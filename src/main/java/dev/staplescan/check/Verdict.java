package dev.staplescan.check;

/**
 * The one-word outcome for an endpoint.
 * <ul>
 *   <li>{@code PASS}: reachable, no finding above INFO;</li>
 *   <li>{@code WARN}: only LOW or MEDIUM findings;</li>
 *   <li>{@code FAIL}: at least one HIGH or CRITICAL finding;</li>
 *   <li>{@code ERROR}: could not be assessed (no handshake completed).</li>
 * </ul>
 */
public enum Verdict {
    PASS,
    WARN,
    FAIL,
    ERROR;

    /**
     * Whether this verdict counts as failing: FAIL or ERROR. A run with a failing endpoint makes
     * {@code scan} exit 1; reports list, count and compare failing endpoints by this rule alone.
     */
    public boolean failing() {
        return this == FAIL || this == ERROR;
    }
}
