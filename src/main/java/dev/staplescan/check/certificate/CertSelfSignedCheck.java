package dev.staplescan.check.certificate;

import dev.staplescan.check.ChainStatus;
import dev.staplescan.check.Check;
import dev.staplescan.check.Evidence;
import dev.staplescan.check.Fmt;
import dev.staplescan.check.Policy;
import dev.staplescan.check.PresentedChain;
import java.util.function.Consumer;

/**
 * CERT_SELF_SIGNED: the leaf is its own issuer and not a trust anchor.
 * Trust is judged by PKIX without revocation (assessment is offline).
 */
public final class CertSelfSignedCheck implements Check {

    @Override
    public void evaluate(Evidence e, Policy p, Consumer<String> report) {
        for (PresentedChain chain : e.chains()) {
            if (chain.status() == ChainStatus.SELF_SIGNED) {
                report.accept(String.format(
                        "certificate %s is self-signed: %s",
                        Fmt.cert(chain.leaf()), chain.facts().trust().detail()));
            }
        }
    }
}
