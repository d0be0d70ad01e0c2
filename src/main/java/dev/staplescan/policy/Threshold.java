package dev.staplescan.policy;

import dev.staplescan.check.Policy;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The duration keys of a policy file ({@code threshold.<name>}), each bound to its {@link Policy}
 * component. Adding a threshold to the policy means adding one constant here; the parser, the
 * error messages and the canonical form pick it up.
 */
public enum Threshold {
    /** CERT_EXPIRING_SOON when the leaf's notAfter is closer than this. */
    CERT_EXPIRING_SOON("cert-expiring-soon", Policy::certExpiringSoon, Policy::withCertExpiringSoon),
    /** STAPLE_EXPIRING_SOON when the staple's nextUpdate is closer than this. */
    STAPLE_EXPIRING_SOON("staple-expiring-soon", Policy::stapleExpiringSoon, Policy::withStapleExpiringSoon),
    /** STAPLE_STALE when the staple's thisUpdate is older than this. */
    STAPLE_MAX_AGE("staple-max-age", Policy::stapleMaxAge, Policy::withStapleMaxAge),
    /** Allowance either way when comparing thisUpdate and nextUpdate with the scan's clock. */
    CLOCK_SKEW("clock-skew", Policy::clockSkew, Policy::withClockSkew),
    /** OCSP_RESPONDER_SLOW when a usable live answer took longer than this. */
    RESPONDER_SLOW("responder-slow", Policy::responderSlow, Policy::withResponderSlow);

    /** Prefix of every threshold key. */
    public static final String PREFIX = "threshold.";

    private final String key;
    private final Function<Policy, Duration> getter;
    private final BiFunction<Policy, Duration, Policy> setter;

    Threshold(String name, Function<Policy, Duration> getter, BiFunction<Policy, Duration, Policy> setter) {
        this.key = PREFIX + name;
        this.getter = getter;
        this.setter = setter;
    }

    /** The key in a policy file, e.g. {@code threshold.staple-max-age}. */
    public String key() {
        return key;
    }

    public Duration of(Policy policy) {
        return getter.apply(policy);
    }

    public Policy set(Policy policy, Duration value) {
        return setter.apply(policy, value);
    }

    /** The threshold for a file key, or {@code null}. */
    static Threshold forKey(String key) {
        for (Threshold t : values()) {
            if (t.key.equals(key)) {
                return t;
            }
        }
        return null;
    }

    /** Every key, for error messages: {@code threshold.cert-expiring-soon, ...}. */
    static String allKeys() {
        return Arrays.stream(values()).map(Threshold::key).collect(Collectors.joining(", "));
    }
}
