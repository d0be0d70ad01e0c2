package dev.staplescan.check.stapling;

import dev.staplescan.check.Check;
import dev.staplescan.check.Evidence;
import dev.staplescan.check.Fmt;
import dev.staplescan.check.Policy;
import dev.staplescan.check.PresentedChain;
import java.util.function.Consumer;

/**
 * OCSP_NOT_OFFERED: the leaf names no OCSP responder in its Authority Information Access
 * extension (RFC 5280 section 4.2.2.1), as with CAs that moved to CRLs only: the server cannot
 * staple. A fact with a policy-controlled severity (SPEC §1), not a scan error.
 */
public final class OcspNotOfferedCheck implements Check {

    @Override
    public void evaluate(Evidence e, Policy p, Consumer<String> report) {
        for (PresentedChain chain : e.chains()) {
            if (!chain.facts().offersOcsp()) {
                report.accept("certificate " + Fmt.cert(chain.leaf()) + " issued by "
                        + chain.leaf().getIssuerX500Principal().getName()
                        + " names no OCSP responder (no id-ad-ocsp in AIA), so there is nothing to staple");
            }
        }
    }
}
