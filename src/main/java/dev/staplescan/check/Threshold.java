package dev.staplescan.check;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The durations a {@link Policy} sets (SPEC §5: policy files may change thresholds), each with its key
 * in policy files ({@code threshold.<key>}), its default and how the methodology page describes it.
 * Which finding code a threshold decides is said by that code's catalogue entry
 * ({@link FindingCode#threshold()}), never here, so {@link #codes()} is derived.
 *
 * <p>The constant order is the order of the canonical policy form ({@code policy.Policies#canonical}),
 * whose SHA-256 a run keeps to prove that a restart judges by the same rules: append new constants,
 * never reorder.
 */
public enum Threshold implements FindingCode.Trait {
    /** The leaf's notAfter is closer than this. */
    CERT_EXPIRY_WARNING("cert-expiring-soon", Duration.ofDays(21), "certificates with less than %s left", ""),
    /** The staple's nextUpdate is closer than this. */
    STAPLE_EXPIRY_WARNING(
            "staple-expiring-soon", Duration.ofHours(24), "staples whose nextUpdate is less than %s away", ""),
    /**
     * The staple's thisUpdate is older than this. Default 4 days: CA/B Forum BR §4.9.10 has CAs refresh
     * responses no later than four days after thisUpdate, so an older staple means the server stopped
     * fetching fresh ones.
     */
    STAPLE_MAX_AGE(
            "staple-max-age", Duration.ofDays(4), "staples whose thisUpdate is older than %s", "CA/B Forum BR §4.9.10"),
    /** Allowance either way when comparing thisUpdate and nextUpdate with the scan's clock; decides no code alone. */
    CLOCK_SKEW("clock-skew", Duration.ofMinutes(5), "times are compared with %s of allowed clock skew", ""),
    /**
     * A usable live responder answer took longer than this. Default 2 s: nginx and Apache fetch staples
     * inline with a short timeout of their own, so a responder this slow risks servers giving up and
     * serving no staple.
     */
    RESPONDER_SLOW("responder-slow", Duration.ofSeconds(2), "live responder answers slower than %s", "");

    private final String key;
    private final Duration defaultValue;
    private final String description;
    private final String basis;

    Threshold(String key, Duration defaultValue, String description, String basis) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.description = description;
        this.basis = basis;
    }

    /** The name in a policy file after {@code threshold.}, e.g. {@code staple-max-age}; a stable contract. */
    public String key() {
        return key;
    }

    /** The value in the built-in default policy. */
    public Duration defaultValue() {
        return defaultValue;
    }

    /** What exceeds the threshold, for prose, with {@code %s} where the duration goes. */
    public String description() {
        return description;
    }

    /** The standard the default comes from, e.g. {@code CA/B Forum BR §4.9.10}; {@code ""} when none. */
    public String basis() {
        return basis;
    }

    /** The codes this threshold decides, in catalogue order (derived from {@link FindingCode#threshold()}). */
    public List<FindingCode> codes() {
        return Arrays.stream(FindingCode.values())
                .filter(c -> c.threshold().orElse(null) == this)
                .toList();
    }
}
