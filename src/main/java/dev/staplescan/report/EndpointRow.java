package dev.staplescan.report;

import dev.staplescan.check.EndpointFacts;
import dev.staplescan.check.Finding;
import dev.staplescan.check.Verdict;
import dev.staplescan.input.Target;
import java.time.Instant;
import java.util.List;

/**
 * One assessed endpoint as the reports see it.
 *
 * @param target    the endpoint, with owner and environment from the host list
 * @param scannedAt when its scan started
 * @param addresses the resolved addresses, {@code ;}-separated ("" when none)
 * @param verdict   its verdict
 * @param findings  its findings, most severe first
 * @param facts     summary facts (certificate and staple details)
 */
public record EndpointRow(
        Target target,
        Instant scannedAt,
        String addresses,
        Verdict verdict,
        List<Finding> findings,
        EndpointFacts facts) {

    public EndpointRow {
        findings = List.copyOf(findings);
    }
}
