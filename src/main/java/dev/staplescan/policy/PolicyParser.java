package dev.staplescan.policy;

import dev.staplescan.check.FindingCode;
import dev.staplescan.check.Policy;
import dev.staplescan.check.Severity;
import dev.staplescan.check.Threshold;
import dev.staplescan.scan.HostRules;
import dev.staplescan.scan.ResponderPolicy;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads a policy file: a strict subset of Java {@code .properties}, one {@code key = value} per
 * line, {@code #} or {@code !} comments, UTF-8. Keys (README, "Policies"):
 * <pre>
 * name = pci-edge                                  label recorded with the run (default: the file name)
 * base = baseline-requirements                     built-in policy to start from (default: default)
 * severity.STAPLE_MISSING = MEDIUM                 CRITICAL, HIGH, MEDIUM, LOW or INFO
 * control.STAPLE_MISSING = PCI-DSS 4.2.1           control ID shown with the code's findings; empty = none
 * threshold.cert-expiring-soon = 21d               and the other keys of {@link Threshold}
 * responder.deny = 10.0.0.0/8, *.corp.example      live responder queries: never to these (as --responder-deny)
 * responder.allow = private, ocsp.example.com      live responder queries: only to these (as --responder-allow)
 * </pre>
 *
 * <p>Why stricter than {@link java.util.Properties}: a policy decides verdicts, so every mistake must
 * be an error naming its line rather than a silently ignored setting. Unknown keys and codes,
 * repeated keys, bad values and line continuations are all errors (each with what is allowed).
 * {@code Properties} would drop line numbers, take the last of repeated keys and accept {@code :} and
 * whitespace as separators; its escapes are not needed for these values.
 *
 * <p>Why not YAML (SnakeYAML is on the class path): the settings are flat ({@code severity.CODE}
 * needs no nesting); YAML 1.1 quietly retypes unquoted scalars ({@code NO} and {@code off} become
 * booleans, {@code 1:30} a number), indentation mistakes change meaning, and its parser reports
 * duplicate keys and unknown shapes less precisely. One setting per line also diffs and greps well.
 */
public final class PolicyParser {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._ -]{0,63}");
    private static final String SEVERITY = "severity.";
    private static final String CONTROL = "control.";
    private static final String SEVERITIES =
            Arrays.stream(Severity.values()).map(Enum::name).collect(Collectors.joining(", "));

    /** One {@code key = value} line. */
    private record Entry(int line, String key, String value) {}

    private PolicyParser() {}

    /**
     * Parses a policy.
     *
     * @param source      the file or built-in, for messages
     * @param text        the whole file
     * @param defaultName the name when the file sets none (the file name without extension)
     * @param bases       the built-in policies that the file's {@code base=} line may name
     * @throws PolicyException at the first problem, naming its line and what is allowed
     */
    public static Policy parse(String source, String text, String defaultName, Function<String, Policy> bases) {
        Map<String, Entry> entries = entries(source, text);
        Entry base = entries.remove("base");
        Policy policy = base == null ? Policy.defaults() : base(source, base, bases);
        Entry name = entries.remove("name");
        policy = policy.withName(name == null ? defaultName : name(source, name));
        for (Entry e : entries.values()) {
            policy = apply(source, policy, e);
        }
        return policy;
    }

    private static Map<String, Entry> entries(String source, String text) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        String[] lines = text.startsWith("\uFEFF") ? text.substring(1).split("\\R", -1) : text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            int n = i + 1;
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) {
                continue;
            }
            if (line.endsWith("\\")) {
                throw new PolicyException(
                        source,
                        n,
                        "line continuations (a trailing \\) are not supported; " + "write each setting on one line");
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new PolicyException(
                        source,
                        n,
                        "expected 'key = value' (e.g. severity.STAPLE_MISSING = MEDIUM), " + "got '" + shorten(line)
                                + "'");
            }
            Entry e = new Entry(
                    n, line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            Entry earlier = entries.putIfAbsent(e.key(), e);
            if (earlier != null) {
                throw new PolicyException(
                        source,
                        n,
                        "key '" + e.key() + "' is already set on line " + earlier.line()
                                + "; each key may appear once");
            }
        }
        return entries;
    }

    private static Policy apply(String source, Policy policy, Entry e) {
        String key = e.key();
        if (key.startsWith(SEVERITY)) {
            FindingCode code = code(source, e, key.substring(SEVERITY.length()));
            return policy.withSeverity(code, severity(source, e));
        }
        if (key.startsWith(CONTROL)) {
            FindingCode code = code(source, e, key.substring(CONTROL.length()));
            return policy.withControl(code, control(source, e));
        }
        if (key.equals(PolicyKeys.RESPONDER_ALLOW) || key.equals(PolicyKeys.RESPONDER_DENY)) {
            HostRules rules;
            try {
                rules = HostRules.parse(e.value());
            } catch (IllegalArgumentException bad) {
                throw new PolicyException(source, e.line(), key + ": " + shorten(bad.getMessage()));
            }
            ResponderPolicy r = policy.responder();
            return policy.withResponder(
                    key.equals(PolicyKeys.RESPONDER_ALLOW)
                            ? new ResponderPolicy(rules, r.deny())
                            : new ResponderPolicy(r.allow(), rules));
        }
        Threshold threshold = PolicyKeys.threshold(key);
        if (threshold != null) {
            Duration d = PolicyDuration.parse(required(source, e))
                    .orElseThrow(() -> new PolicyException(
                            source,
                            e.line(),
                            key + ": '" + shorten(e.value()) + "' is not a duration; write " + PolicyDuration.FORMS));
            return policy.withThreshold(threshold, d);
        }
        throw new PolicyException(
                source,
                e.line(),
                "unknown key '" + shorten(key) + "'" + PolicyKeys.suggestion(key)
                        + "; allowed keys: name, base, severity.<CODE>, control.<CODE>, " + PolicyKeys.thresholdKeys()
                        + ", " + PolicyKeys.RESPONDER_ALLOW + ", " + PolicyKeys.RESPONDER_DENY);
    }

    private static FindingCode code(String source, Entry e, String name) {
        try {
            return FindingCode.valueOf(name);
        } catch (IllegalArgumentException unknown) {
            throw new PolicyException(
                    source,
                    e.line(),
                    "unknown finding code '" + shorten(name) + "' in key '" + shorten(e.key()) + "'"
                            + PolicyKeys.suggestion(e.key()) + "; codes: " + PolicyKeys.codes());
        }
    }

    private static Severity severity(String source, Entry e) {
        String value = required(source, e);
        try {
            return Severity.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new PolicyException(
                    source,
                    e.line(),
                    e.key() + ": '" + shorten(value) + "' is not a severity; " + "allowed: " + SEVERITIES);
        }
    }

    private static String control(String source, Entry e) {
        String value = e.value();
        if (value.length() > Policy.MAX_CONTROL_LENGTH || value.chars().anyMatch(Character::isISOControl)) {
            throw new PolicyException(
                    source,
                    e.line(),
                    e.key() + ": a control ID is at most " + Policy.MAX_CONTROL_LENGTH
                            + " characters of text without tabs or control characters");
        }
        return value;
    }

    private static String name(String source, Entry e) {
        String value = required(source, e);
        if (!NAME.matcher(value).matches()) {
            throw new PolicyException(
                    source,
                    e.line(),
                    "name: '" + shorten(value) + "' is not a policy name; use 1 to "
                            + "64 letters, digits, spaces, '.', '_' or '-', starting with a letter or digit");
        }
        return value;
    }

    private static Policy base(String source, Entry e, Function<String, Policy> bases) {
        String value = required(source, e);
        Policy base = bases.apply(value);
        if (base == null) {
            throw new PolicyException(
                    source,
                    e.line(),
                    "base: '" + shorten(value) + "' is not a built-in policy; " + "allowed: "
                            + String.join(", ", Policies.BUILT_IN));
        }
        return base;
    }

    private static String required(String source, Entry e) {
        if (e.value().isEmpty()) {
            throw new PolicyException(source, e.line(), e.key() + " has no value");
        }
        return e.value();
    }

    static String shorten(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "...";
    }
}
