package dev.staplescan.check.stapling;

import dev.staplescan.check.Check;
import dev.staplescan.check.Evidence;
import dev.staplescan.check.Fmt;
import dev.staplescan.check.Policy;
import dev.staplescan.check.PresentedChain;
import dev.staplescan.scan.Handshake;
import java.util.List;
import java.util.function.Consumer;

/**
 * MUST_STAPLE_VIOLATION: a certificate with the TLS Feature status_request (RFC 7633) was served
 * without a staple on at least one handshake. RFC 7633 section 4.2.3 has clients reject such a
 * handshake, so every single one matters, not only "none stapled".
 */
public final class MustStapleViolationCheck implements Check {

    @Override
    public void evaluate(Evidence e, Policy p, Consumer<String> report) {
        for (PresentedChain chain : e.chains()) {
            if (!chain.facts().mustStaple()) {
                continue;
            }
            List<Handshake> bare = chain.handshakes().stream()
                    .filter(h -> !Evidence.stapled(h))
                    .toList();
            if (!bare.isEmpty()) {
                report.accept("certificate " + Fmt.cert(chain.leaf()) + " is Must-Staple (RFC 7633 TLS Feature "
                        + "status_request) but " + bare.size() + " of " + Handshakes.describe(chain.handshakes())
                        + " carried no staple");
            }
        }
    }
}
