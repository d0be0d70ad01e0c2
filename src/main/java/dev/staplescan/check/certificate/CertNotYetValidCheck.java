package dev.staplescan.check.certificate;

import dev.staplescan.check.ChainStatus;
import dev.staplescan.check.Check;
import dev.staplescan.check.Evidence;
import dev.staplescan.check.Fmt;
import dev.staplescan.check.Policy;
import dev.staplescan.check.PresentedChain;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/** CERT_NOT_YET_VALID: the leaf's (or, on a trusted path, an intermediate's) notBefore is in the future. */
public final class CertNotYetValidCheck implements Check {

    @Override
    public void evaluate(Evidence e, Policy p, Consumer<String> report) {
        for (PresentedChain chain : e.chains()) {
            Instant notBefore = chain.leaf().getNotBefore().toInstant();
            if (e.now().isBefore(notBefore)) {
                report.accept("certificate " + Fmt.cert(chain.leaf()) + " is valid only from " + Fmt.instant(notBefore)
                        + ", " + Fmt.duration(Duration.between(e.now(), notBefore)) + " from now");
            } else if (chain.status() == ChainStatus.NOT_YET_VALID) {
                Instant start = chain.offending().getNotBefore().toInstant();
                report.accept("intermediate " + Fmt.cert(chain.offending()) + " of certificate "
                        + Fmt.cert(chain.leaf()) + " is valid only from " + Fmt.instant(start) + ", "
                        + Fmt.duration(Duration.between(e.now(), start)) + " from now");
            }
        }
    }
}
