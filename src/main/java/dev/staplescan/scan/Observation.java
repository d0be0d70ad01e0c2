package dev.staplescan.scan;

import dev.staplescan.input.Target;
import java.time.Instant;
import java.util.List;

/**
 * Everything a scan saw for one endpoint: the raw facts that assessment judges (SPEC §2,
 * "observe, then assess"). Stored in full so that a run can be re-assessed without rescanning.
 *
 * @param target           the endpoint scanned
 * @param startedAt        when the scan of this endpoint started
 * @param totalMillis      wall time spent on this endpoint (the live responder query, shared by the run, not included)
 * @param resolution       {@link Outcome#OK} or {@link Outcome#DNS_FAILURE} (or INTERNAL_ERROR)
 * @param addresses        resolved addresses (literals), in resolver order; empty when resolution failed
 * @param handshakes       every handshake attempt, in order; empty when resolution failed
 * @param error            resolution error detail; {@code null} when resolution succeeded
 * @param responderAnswers one live OCSP query per distinct leaf of the completed handshakes whose
 *                         certificate names an OCSP URL, in order of first appearance; empty when the
 *                         query is off, no handshake completed, or no leaf names a responder
 */
public record Observation(
        Target target,
        Instant startedAt,
        long totalMillis,
        Outcome resolution,
        List<String> addresses,
        List<Handshake> handshakes,
        String error,
        List<ResponderAnswer> responderAnswers) {

    public Observation {
        addresses = List.copyOf(addresses);
        handshakes = List.copyOf(handshakes);
        responderAnswers = List.copyOf(responderAnswers);
    }

    /** An observation without live responder answers (query off, or not made yet). */
    public Observation(
            Target target,
            Instant startedAt,
            long totalMillis,
            Outcome resolution,
            List<String> addresses,
            List<Handshake> handshakes,
            String error) {
        this(target, startedAt, totalMillis, resolution, addresses, handshakes, error, List.of());
    }

    /** This observation with the given live responder answers. */
    public Observation withResponderAnswers(List<ResponderAnswer> answers) {
        return new Observation(target, startedAt, totalMillis, resolution, addresses, handshakes, error, answers);
    }
}
