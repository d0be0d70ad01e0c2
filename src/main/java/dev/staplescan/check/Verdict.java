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
    ERROR
}
