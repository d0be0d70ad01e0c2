package dev.staplescan.check.stapling;

import dev.staplescan.check.Check;
import dev.staplescan.check.Evidence;
import dev.staplescan.check.Policy;
import dev.staplescan.check.PresentedChain;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * STAPLE_MISSING: no handshake carried a staple although the certificate names an OCSP responder
 * (stapling never enabled, or the server cannot reach the responder). When the certificate names
 * no responder there is nothing to staple: OCSP_NOT_OFFERED reports that instead.
 */
public final class StapleMissingCheck implements Check {

    @Override
    public void evaluate(Evidence e, Policy p, Consumer<String> report) {
        if (e.reached().stream().anyMatch(Evidence::stapled)) {
            return;
        }
        Optional<PresentedChain> withResponder =
                e.chains().stream().filter(c -> c.facts().offersOcsp()).findFirst();
        withResponder.ifPresent(chain -> report.accept("none of " + Handshakes.describe(e.reached())
                + " carried an OCSP staple, although the certificate names responder "
                + chain.facts().ocspUrls().get(0)));
    }
}
