package dev.staplescan.check;

import dev.staplescan.scan.ResponderPolicy;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * How strictly to judge (SPEC §5: policy files may change severities and thresholds). Immutable.
 *
 * @param name       a label for reports, e.g. {@code default}
 * @param severities the severity of every finding code (codes not given get their catalogue default)
 * @param thresholds every {@link Threshold}'s duration (thresholds not given get their default)
 * @param controls   compliance control IDs a team maps codes to (e.g. {@code PCI-DSS 4.2.1}); codes
 *                   without one are absent, and {@link #controlOf} then answers {@code ""}
 * @param responder  where the live responder query may go, in addition to the run's own
 *                   {@code --responder-allow}/{@code --responder-deny} (SPEC §11). Unlike everything
 *                   else here it acts during the scan: re-assessing a stored run does not query again
 */
public record Policy(
        String name,
        Map<FindingCode, Severity> severities,
        Map<Threshold, Duration> thresholds,
        Map<FindingCode, String> controls,
        ResponderPolicy responder) {

    /** Longest control ID: it is stored with every finding and shown in a CSV cell. */
    public static final int MAX_CONTROL_LENGTH = 200;

    public Policy {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a policy needs a name");
        }
        severities = complete(FindingCode.class, severities, FindingCode::defaultSeverity);
        thresholds = complete(Threshold.class, thresholds, Threshold::defaultValue);
        thresholds.forEach((threshold, d) -> {
            if (d.isNegative()) {
                throw new IllegalArgumentException(
                        "policy threshold " + threshold.key() + " must be a non-negative duration, got " + d);
            }
        });
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
        Objects.requireNonNull(responder, "responder");
    }

    /** A policy without responder rules of its own. */
    public Policy(
            String name,
            Map<FindingCode, Severity> severities,
            Map<Threshold, Duration> thresholds,
            Map<FindingCode, String> controls) {
        this(name, severities, thresholds, controls, ResponderPolicy.defaults());
    }

    /** The built-in policy: catalogue severities, every threshold's default, no control IDs. */
    public static Policy defaults() {
        return new Policy("default", Map.of(), Map.of(), Map.of());
    }

    /** The severity of a code under this policy. */
    public Severity severityOf(FindingCode code) {
        return severities.get(code);
    }

    /** The control ID mapped to a code, or {@code ""} when the policy maps none. */
    public String controlOf(FindingCode code) {
        return controls.getOrDefault(code, "");
    }

    /** A threshold's duration under this policy. */
    public Duration threshold(Threshold threshold) {
        return thresholds.get(threshold);
    }

    /**
     * The duration of the threshold that decides {@code code} (its catalogue entry says which).
     *
     * @throws IllegalArgumentException when the catalogue gives the code no threshold
     */
    public Duration thresholdOf(FindingCode code) {
        return threshold(code.threshold()
                .orElseThrow(() -> new IllegalArgumentException(code + " has no threshold in the catalogue")));
    }

    /** The allowance either way when comparing a staple's times with the clock. */
    public Duration clockSkew() {
        return threshold(Threshold.CLOCK_SKEW);
    }

    public Policy withName(String newName) {
        return new Policy(newName, severities, thresholds, controls, responder);
    }

    public Policy withSeverity(FindingCode code, Severity severity) {
        return new Policy(name, with(severities, code, severity), thresholds, controls, responder);
    }

    public Policy withThreshold(Threshold threshold, Duration d) {
        return new Policy(name, severities, with(thresholds, threshold, d), controls, responder);
    }

    /** Maps a code to a control ID; a blank {@code id} removes the mapping. */
    public Policy withControl(FindingCode code, String id) {
        return new Policy(name, severities, thresholds, with(controls, code, id), responder);
    }

    /** With these responder rules instead of the current ones. */
    public Policy withResponder(ResponderPolicy rules) {
        return new Policy(name, severities, thresholds, controls, rules);
    }

    /** {@code given}, with {@code fallback} for every constant it lacks; null values are refused. */
    private static <K extends Enum<K>, V> Map<K, V> complete(Class<K> type, Map<K, V> given, Function<K, V> fallback) {
        Map<K, V> full = new EnumMap<>(type);
        for (K key : type.getEnumConstants()) {
            full.put(key, fallback.apply(key));
        }
        given.forEach((key, value) -> full.put(key, Objects.requireNonNull(value, key.name())));
        return Map.copyOf(full);
    }

    private static <K, V> Map<K, V> with(Map<K, V> map, K key, V value) {
        Map<K, V> changed = new HashMap<>(map);
        changed.put(key, value);
        return changed;
    }
}
