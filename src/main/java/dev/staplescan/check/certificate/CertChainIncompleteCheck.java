package dev.staplescan.check.certificate;

import dev.staplescan.check.ChainStatus;
import dev.staplescan.check.Check;
import dev.staplescan.check.Evidence;
import dev.staplescan.check.Fmt;
import dev.staplescan.check.Policy;
import dev.staplescan.check.PresentedChain;
import java.util.function.Consumer;

/**
 * CERT_CHAIN_INCOMPLETE: the leaf's issuer is neither sent nor a trust anchor, so no path can be
 * built (browsers may patch it from AIA caIssuers or a cache; other clients fail). Judged on the
 * leaf's issuer only: servers normally omit the root, so a missing issuer above an intermediate is
 * reported as CERT_UNTRUSTED.
 * Trust is judged by PKIX without revocation (assessment is offline).
 */
public final class CertChainIncompleteCheck implements Check {

    @Override
    public void evaluate(Evidence e, Policy p, Consumer<String> report) {
        for (PresentedChain chain : e.chains()) {
            if (chain.status() == ChainStatus.INCOMPLETE) {
                report.accept(String.format(
                        "the server did not send the issuer of certificate %s: %s",
                        Fmt.cert(chain.leaf()), chain.facts().trust().detail()));
            }
        }
    }
}
