package dev.staplescan.check;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * How strictly to judge (SPEC §5: policy files may change severities and thresholds). Immutable.
 *
 * @param name               a label for reports, e.g. {@code default}
 * @param severities         the severity of every finding code (codes not given get their catalogue default)
 * @param certExpiringSoon   CERT_EXPIRING_SOON when the leaf's notAfter is closer than this
 * @param stapleExpiringSoon STAPLE_EXPIRING_SOON when the staple's nextUpdate is closer than this
 * @param stapleMaxAge       STAPLE_STALE when thisUpdate is older than this. Default 4 days: CA/B Forum
 *                           BR §4.9.10 has CAs refresh responses no later than four days after thisUpdate,
 *                           so an older staple means the server stopped fetching fresh ones.
 * @param clockSkew          allowance either way when comparing thisUpdate and nextUpdate with the clock
 * @param responderSlow      OCSP_RESPONDER_SLOW when a usable live answer took longer than this. Default
 *                           2 s: nginx and Apache fetch staples inline with a short timeout of their own,
 *                           so a responder this slow risks servers giving up and serving no staple.
 * @param controls           compliance control IDs a team maps codes to (e.g. {@code PCI-DSS 4.2.1}); codes
 *                           without one are absent, and {@link #controlOf} then answers {@code ""}
 */
public record Policy(
        String name,
        Map<FindingCode, Severity> severities,
        Duration certExpiringSoon,
        Duration stapleExpiringSoon,
        Duration stapleMaxAge,
        Duration clockSkew,
        Duration responderSlow,
        Map<FindingCode, String> controls) {

    /** The default {@link #responderSlow()} threshold. */
    public static final Duration DEFAULT_RESPONDER_SLOW = Duration.ofSeconds(2);
    /** Longest control ID: it is stored with every finding and shown in a CSV cell. */
    public static final int MAX_CONTROL_LENGTH = 200;

    public Policy {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a policy needs a name");
        }
        Map<FindingCode, Severity> full = new EnumMap<>(FindingCode.class);
        for (FindingCode code : FindingCode.values()) {
            full.put(code, code.defaultSeverity());
        }
        severities.forEach((code, severity) -> full.put(code, Objects.requireNonNull(severity, code.name())));
        severities = Map.copyOf(full);
        requireNonNegative("certExpiringSoon", certExpiringSoon);
        requireNonNegative("stapleExpiringSoon", stapleExpiringSoon);
        requireNonNegative("stapleMaxAge", stapleMaxAge);
        requireNonNegative("clockSkew", clockSkew);
        requireNonNegative("responderSlow", responderSlow);
        Map<FindingCode, String> ids = new EnumMap<>(FindingCode.class);
        controls.forEach((code, id) -> {
            String stripped = Objects.requireNonNull(id, code.name()).strip();
            if (stripped.length() > MAX_CONTROL_LENGTH || stripped.chars().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException("control of " + code + " must be at most " + MAX_CONTROL_LENGTH
                        + " characters without control characters");
            }
            if (!stripped.isEmpty()) {
                ids.put(code, stripped);
            }
        });
        controls = Map.copyOf(ids);
    }

    /** A policy with the default responder threshold and no control IDs. */
    public Policy(
            String name,
            Map<FindingCode, Severity> severities,
            Duration certExpiringSoon,
            Duration stapleExpiringSoon,
            Duration stapleMaxAge,
            Duration clockSkew) {
        this(
                name,
                severities,
                certExpiringSoon,
                stapleExpiringSoon,
                stapleMaxAge,
                clockSkew,
                DEFAULT_RESPONDER_SLOW,
                Map.of());
    }

    /** The built-in policy: catalogue severities, 21 days, 24 hours, 4 days, 5 minutes, 2 s. */
    public static Policy defaults() {
        return new Policy(
                "default",
                Map.of(),
                Duration.ofDays(21),
                Duration.ofHours(24),
                Duration.ofDays(4),
                Duration.ofMinutes(5));
    }

    /** The severity of a code under this policy. */
    public Severity severityOf(FindingCode code) {
        return severities.get(code);
    }

    /** The control ID mapped to a code, or {@code ""} when the policy maps none. */
    public String controlOf(FindingCode code) {
        return controls.getOrDefault(code, "");
    }

    public Policy withName(String newName) {
        return new Policy(
                newName,
                severities,
                certExpiringSoon,
                stapleExpiringSoon,
                stapleMaxAge,
                clockSkew,
                responderSlow,
                controls);
    }

    public Policy withSeverity(FindingCode code, Severity severity) {
        Map<FindingCode, Severity> changed = new EnumMap<>(severities);
        changed.put(code, severity);
        return new Policy(
                name, changed, certExpiringSoon, stapleExpiringSoon, stapleMaxAge, clockSkew, responderSlow, controls);
    }

    /** Maps a code to a control ID; a blank {@code id} removes the mapping. */
    public Policy withControl(FindingCode code, String id) {
        Map<FindingCode, String> changed = new EnumMap<>(FindingCode.class);
        changed.putAll(controls);
        changed.put(code, id);
        return new Policy(
                name,
                severities,
                certExpiringSoon,
                stapleExpiringSoon,
                stapleMaxAge,
                clockSkew,
                responderSlow,
                changed);
    }

    public Policy withCertExpiringSoon(Duration d) {
        return new Policy(name, severities, d, stapleExpiringSoon, stapleMaxAge, clockSkew, responderSlow, controls);
    }

    public Policy withStapleExpiringSoon(Duration d) {
        return new Policy(name, severities, certExpiringSoon, d, stapleMaxAge, clockSkew, responderSlow, controls);
    }

    public Policy withStapleMaxAge(Duration d) {
        return new Policy(
                name, severities, certExpiringSoon, stapleExpiringSoon, d, clockSkew, responderSlow, controls);
    }

    public Policy withClockSkew(Duration d) {
        return new Policy(
                name, severities, certExpiringSoon, stapleExpiringSoon, stapleMaxAge, d, responderSlow, controls);
    }

    public Policy withResponderSlow(Duration d) {
        return new Policy(name, severities, certExpiringSoon, stapleExpiringSoon, stapleMaxAge, clockSkew, d, controls);
    }

    private static void requireNonNegative(String what, Duration d) {
        if (d == null || d.isNegative()) {
            throw new IllegalArgumentException("policy " + what + " must be a non-negative duration, got " + d);
        }
    }
}
