package dev.staplescan.check;

import dev.staplescan.scan.Handshake;
import dev.staplescan.scan.Observation;
import dev.staplescan.scan.Outcome;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The reachability finding of an endpoint where no handshake reached the server. One mapping
 * for the six reachability codes rather than six checks: exactly one of them applies to an
 * unreachable endpoint, chosen by comparing the attempts, so splitting the choice over six
 * classes would scatter a single decision (STYLE.md habit 4: one mapping place).
 */
public final class Reachability {

    /**
     * How far an attempt got, furthest first: the furthest stage reached tells most about the
     * server. A refused TLS version comes last: with TLS 1.3 refused, what happened under TLS 1.2
     * is the story; only when every attempt was refused on the version is it the finding.
     */
    private static final List<Outcome> FURTHEST_FIRST = List.of(
            Outcome.NOT_TLS,
            Outcome.HANDSHAKE_FAILED,
            Outcome.HANDSHAKE_TIMEOUT,
            Outcome.CONNECT_TIMEOUT,
            Outcome.CONNECT_REFUSED,
            Outcome.PROTOCOL_NOT_SUPPORTED);

    private Reachability() {}

    /**
     * The finding for an endpoint where nothing reached the server; empty when something did, or
     * when only staplescan itself failed (INTERNAL_ERROR is a defect to report with its trace,
     * never a finding about the server).
     */
    public static Optional<Finding> finding(Observation o, Policy policy) {
        if (o.resolution() == Outcome.DNS_FAILURE) {
            return Optional.of(finding(
                    FindingCode.DNS_FAILURE,
                    policy,
                    "cannot resolve " + o.target().host() + (o.error() == null ? "" : ": " + o.error())));
        }
        if (o.handshakes().stream().anyMatch(Evidence::reached)) {
            return Optional.empty();
        }
        for (Outcome stage : FURTHEST_FIRST) {
            List<Handshake> at =
                    o.handshakes().stream().filter(h -> h.outcome() == stage).toList();
            if (!at.isEmpty()) {
                FindingCode code = code(stage);
                String message = o.target().endpoint() + ": " + summary(o.handshakes());
                if (stage == Outcome.PROTOCOL_NOT_SUPPORTED) {
                    // Only reached when every attempt was refused on the version: no TLS 1.2 or 1.3 at all.
                    message = o.target().endpoint() + ": no TLS version staplescan asks for is accepted; "
                            + summary(o.handshakes());
                }
                return Optional.of(finding(code, policy, message));
            }
        }
        return Optional.empty();
    }

    private static FindingCode code(Outcome stage) {
        return switch (stage) {
            case NOT_TLS -> FindingCode.NOT_TLS;
            case HANDSHAKE_FAILED, PROTOCOL_NOT_SUPPORTED -> FindingCode.HANDSHAKE_FAILED;
            case HANDSHAKE_TIMEOUT -> FindingCode.HANDSHAKE_TIMEOUT;
            case CONNECT_TIMEOUT -> FindingCode.CONNECT_TIMEOUT;
            case CONNECT_REFUSED -> FindingCode.CONNECT_REFUSED;
            default -> throw new IllegalArgumentException("not a reachability outcome: " + stage);
        };
    }

    /** {@code TLSv1.3@192.0.2.1 CONNECT_REFUSED (Connection refused); ...}, at most 5 attempts. */
    private static String summary(List<Handshake> handshakes) {
        String shown = handshakes.stream()
                .limit(5)
                .map(h -> h.requested().jsseName() + "@" + h.address() + " " + h.outcome()
                        + (h.error() == null ? "" : " (" + oneLine(h.error()) + ")"))
                .collect(Collectors.joining("; "));
        return handshakes.size() > 5 ? shown + "; and " + (handshakes.size() - 5) + " more" : shown;
    }

    private static String oneLine(String s) {
        String line = s.lines().findFirst().orElse("");
        return line.length() > 160 ? line.substring(0, 160) + "..." : line;
    }

    private static Finding finding(FindingCode code, Policy policy, String message) {
        return Finding.of(code, policy, message);
    }
}
