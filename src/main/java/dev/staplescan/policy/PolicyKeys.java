package dev.staplescan.policy;

import dev.staplescan.check.FindingCode;
import dev.staplescan.check.Threshold;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Every concrete key a policy file may hold, and "did you mean" hints for the ones it may not. */
final class PolicyKeys {

    /** Prefix of every threshold key. */
    static final String THRESHOLD = "threshold.";

    /** Where live responder queries may go ({@code --responder-allow}), and where never ({@code --responder-deny}). */
    static final String RESPONDER_ALLOW = "responder.allow";

    static final String RESPONDER_DENY = "responder.deny";

    /** A typo further than this from every key gets no hint: it would be a guess. */
    private static final int MAX_DISTANCE = 3;

    private PolicyKeys() {}

    static List<String> all() {
        List<String> keys = new ArrayList<>(List.of("name", "base"));
        for (FindingCode code : FindingCode.values()) {
            keys.add("severity." + code.name());
            keys.add("control." + code.name());
        }
        Arrays.stream(Threshold.values()).map(PolicyKeys::key).forEach(keys::add);
        keys.add(RESPONDER_ALLOW);
        keys.add(RESPONDER_DENY);
        return keys;
    }

    /** A threshold's key in a policy file, e.g. {@code threshold.staple-max-age}. */
    static String key(Threshold threshold) {
        return THRESHOLD + threshold.key();
    }

    /** The threshold a policy-file key sets, or {@code null} when the key sets none. */
    static Threshold threshold(String key) {
        return Arrays.stream(Threshold.values())
                .filter(t -> key(t).equals(key))
                .findFirst()
                .orElse(null);
    }

    /** Every threshold key, for error messages: {@code threshold.cert-expiring-soon, ...}. */
    static String thresholdKeys() {
        return Arrays.stream(Threshold.values()).map(PolicyKeys::key).collect(Collectors.joining(", "));
    }

    /** Every finding code, comma-separated, in catalogue order. */
    static String codes() {
        return Arrays.stream(FindingCode.values()).map(Enum::name).collect(Collectors.joining(", "));
    }

    /** {@code " (did you mean severity.STAPLE_MISSING?)"}, or {@code ""} when no key is close. */
    static String suggestion(String key) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : all()) {
            int d = distance(key.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return bestDistance <= MAX_DISTANCE && !best.equals(key) ? " (did you mean " + best + "?)" : "";
    }

    /** Levenshtein distance; keys are short, so the quadratic table is cheap. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
