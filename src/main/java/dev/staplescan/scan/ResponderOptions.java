package dev.staplescan.scan;

import java.time.Duration;
import java.util.Objects;

/**
 * Whether and how the scan asks each certificate's OCSP responder directly (SPEC §4.4).
 *
 * @param enabled          query at all (default on; {@code scan --no-responder-query} turns it off)
 * @param timeout          bound on one query: connect, request, headers and body together (default 5 s)
 * @param maxResponseBytes answers larger than this are not read (default 64 KiB; a real OCSP response
 *                         is 1 to 5 KiB, and the URL comes from an untrusted certificate)
 * @param cacheSize        distinct (issuer, serial, URL) answers kept for the run (default 10,000)
 * @param policy           where queries may go (default: anywhere but the never-queried addresses)
 */
public record ResponderOptions(
        boolean enabled, Duration timeout, int maxResponseBytes, int cacheSize, ResponderPolicy policy) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    public static final int DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024;
    public static final int DEFAULT_CACHE_SIZE = 10_000;

    public ResponderOptions {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.toMillis() < 1 || timeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("responder timeout must be between 1 ms and 24 days, got " + timeout);
        }
        if (maxResponseBytes < 1) {
            throw new IllegalArgumentException("maxResponseBytes must be positive, got " + maxResponseBytes);
        }
        if (cacheSize < 1) {
            throw new IllegalArgumentException("cacheSize must be positive, got " + cacheSize);
        }
        Objects.requireNonNull(policy, "policy");
    }

    /** On, 5 s, 64 KiB, 10,000 answers, the default responder policy. */
    public static ResponderOptions defaults() {
        return new ResponderOptions(
                true, DEFAULT_TIMEOUT, DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_CACHE_SIZE, ResponderPolicy.defaults());
    }

    /** Off: observations carry no responder answers. */
    public static ResponderOptions off() {
        return defaults().withEnabled(false);
    }

    public ResponderOptions withEnabled(boolean on) {
        return new ResponderOptions(on, timeout, maxResponseBytes, cacheSize, policy);
    }

    public ResponderOptions withTimeout(Duration d) {
        return new ResponderOptions(enabled, d, maxResponseBytes, cacheSize, policy);
    }

    public ResponderOptions withMaxResponseBytes(int n) {
        return new ResponderOptions(enabled, timeout, n, cacheSize, policy);
    }

    public ResponderOptions withPolicy(ResponderPolicy p) {
        return new ResponderOptions(enabled, timeout, maxResponseBytes, cacheSize, p);
    }
}
