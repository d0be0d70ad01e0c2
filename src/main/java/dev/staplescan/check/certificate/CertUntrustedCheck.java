package dev.staplescan.check.certificate;

import dev.staplescan.check.ChainStatus;
import dev.staplescan.check.Check;
import dev.staplescan.check.Evidence;
import dev.staplescan.check.Fmt;
import dev.staplescan.check.Policy;
import dev.staplescan.check.PresentedChain;
import java.util.function.Consumer;

/**
 * CERT_UNTRUSTED: the chain does not lead to a trust anchor (an unknown or untrusted root, a root
 * sent but not trusted, a broken signature or a violated constraint). Self-signed leaves and
 * incomplete chains have their own codes and do not also report this one.
 * Trust is judged by PKIX without revocation (assessment is offline).
 */
public final class CertUntrustedCheck implements Check {

    @Override
    public void evaluate(Evidence e, Policy p, Consumer<String> report) {
        for (PresentedChain chain : e.chains()) {
            if (chain.status() == ChainStatus.UNTRUSTED) {
                report.accept(String.format(
                        "the chain of certificate %s does not lead to a trust anchor: %s",
                        Fmt.cert(chain.leaf()), chain.facts().trust().detail()));
            }
        }
    }
}
