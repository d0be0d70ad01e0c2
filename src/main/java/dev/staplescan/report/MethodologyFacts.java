package dev.staplescan.report;

import dev.staplescan.check.Policy;
import dev.staplescan.check.Threshold;
import dev.staplescan.settings.Settings;
import dev.staplescan.settings.TlsChoice;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The run-specific sentences of the methodology page: how many handshakes, which timeouts, which trust
 * anchors, and the thresholds of the policy in force, from the run's recorded settings. What the run
 * did not record is said to be not recorded, never guessed.
 */
final class MethodologyFacts {

    private MethodologyFacts() {}

    /** Adds the methodology page's parameters to {@code p}. */
    static void put(RunSummary summary, RunSettings settings, Map<String, Object> p) {
        String versions = settings.get(Settings.TLS)
                .filter(t -> t != TlsChoice.BOTH)
                .map(t -> " under TLS " + t + " only")
                .orElse(" under TLS 1.3 and as many under TLS 1.2");
        p.put(
                "methodHandshakes",
                settings.get(Settings.HANDSHAKES)
                        .map(n -> n + (n == 1 ? " handshake" : " handshakes") + versions)
                        .orElse(
                                "one or more handshakes (count not recorded for this run) under TLS 1.3 and under TLS 1.2"));
        p.put(
                "methodTimeouts",
                "connect " + duration(settings.get(Settings.CONNECT_TIMEOUT)) + ", TLS handshake "
                        + duration(settings.get(Settings.HANDSHAKE_TIMEOUT))
                        + ", all attempts on one endpoint together "
                        + duration(settings.get(Settings.ENDPOINT_TIMEOUT)));
        p.put(
                "methodTrust",
                settings.get(Settings.TRUST)
                        .flatMap(t -> t)
                        .map(t -> "the JDK's default trust anchors plus the certificates of " + t)
                        .orElse(
                                settings.recorded().isEmpty()
                                        ? "the JDK's default trust anchors (the run did not record whether a "
                                                + "bundle was added)"
                                        : "the JDK's default trust anchors"));
        p.put("methodPolicy", policy(summary.policy()));
        p.put("methodResponder", responder(settings));
    }

    /** Whether and where the live responder query went (SPEC §11), as far as the run recorded it. */
    static String responder(RunSettings settings) {
        if (!settings.get(Settings.RESPONDER_QUERY).orElse(true)) {
            return "The certificates' OCSP responders were not queried (--no-responder-query).";
        }
        if (settings.get(Settings.RESPONDER_ALLOW).isEmpty()) {
            return "The OCSP responder named in each leaf was queried live; this run recorded no responder policy.";
        }
        String rules = settings.get(Settings.RESPONDER_ALLOW)
                        .map(a -> a.isEmpty() ? "" : "; only responders matching " + a)
                        .orElse("")
                + settings.get(Settings.RESPONDER_DENY)
                        .map(d -> d.isEmpty() ? "" : "; never responders matching " + d)
                        .orElse("");
        return "The OCSP responder named in each leaf was queried live only when its chain validated to these "
                + "trust anchors, and never at link-local, cloud metadata, unspecified, multicast or reserved "
                + "addresses" + rules + " (and any responder rules of the policy file); a refused responder is "
                + "reported as OCSP_RESPONDER_BLOCKED.";
    }

    /** The policy sentence: the default's thresholds, or the name of another policy and the default's for reference. */
    static String policy(String name) {
        Policy d = Policy.defaults();
        String thresholds = defaultThresholds(d) + "; severities are those of the glossary";
        if (name == null || name.isBlank() || name.equals(d.name())) {
            return "The built-in default policy: " + thresholds + ".";
        }
        return "Policy \"" + name + "\": its thresholds and severities are those of that policy file (this report "
                + "records its name only). For reference, the default policy: " + thresholds + ".";
    }

    /**
     * One clause per threshold, from the catalogue: "certificates with less than 21 days left get
     * CERT_EXPIRING_SOON; ...", with the standard a default comes from in brackets.
     */
    private static String defaultThresholds(Policy d) {
        return Arrays.stream(Threshold.values())
                .map(t -> t.description().formatted(duration(Optional.of(d.threshold(t))))
                        + (t.codes().isEmpty()
                                ? ""
                                : " get " + t.codes().stream().map(Enum::name).collect(Collectors.joining(" or ")))
                        + (t.basis().isEmpty() ? "" : " (" + t.basis() + ")"))
                .collect(Collectors.joining("; "));
    }

    /** "500 ms", "5 s", "21 days", "24 hours"; "not recorded" when absent. */
    static String duration(Optional<Duration> d) {
        if (d.isEmpty()) {
            return "not recorded";
        }
        Duration v = d.get();
        if (v.toMillis() < 1000) {
            return v.toMillis() + " ms";
        }
        if (v.toDays() >= 2 && v.equals(Duration.ofDays(v.toDays()))) {
            return v.toDays() + " days";
        }
        if (v.toHours() >= 2 && v.equals(Duration.ofHours(v.toHours()))) {
            return v.toHours() + " hours";
        }
        if (v.toMinutes() >= 2 && v.equals(Duration.ofMinutes(v.toMinutes()))) {
            return v.toMinutes() + " minutes";
        }
        return v.toSeconds() + " s";
    }
}
