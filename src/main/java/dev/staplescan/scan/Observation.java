package dev.staplescan.scan;

import dev.staplescan.input.Target;
import java.time.Instant;
import java.util.List;

/**
 * Everything a scan saw for one endpoint: the raw facts that assessment judges (SPEC §2,
 * "observe, then assess"). Stored in full so that a run can be re-assessed without rescanning.
 *
 * @param target      the endpoint scanned
 * @param startedAt   when the scan of this endpoint started
 * @param totalMillis wall time spent on this endpoint
 * @param resolution  {@link Outcome#OK} or {@link Outcome#DNS_FAILURE} (or INTERNAL_ERROR)
 * @param addresses   resolved addresses (literals), in resolver order; empty when resolution failed
 * @param handshakes  every handshake attempt, in order; empty when resolution failed
 * @param error       resolution error detail; {@code null} when resolution succeeded
 */
public record Observation(
        Target target,
        Instant startedAt,
        long totalMillis,
        Outcome resolution,
        List<String> addresses,
        List<Handshake> handshakes,
        String error) {

    public Observation {
        addresses = List.copyOf(addresses);
        handshakes = List.copyOf(handshakes);
    }
}
