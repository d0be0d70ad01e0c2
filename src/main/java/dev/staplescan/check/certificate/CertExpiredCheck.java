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

/**
 * CERT_EXPIRED: the leaf's notAfter has passed, or (for a trusted chain) an intermediate on the
 * path has expired. No clock-skew allowance: TLS clients give none for certificates.
 */
public final class CertExpiredCheck implements Check {

    @Override
    public void evaluate(Evidence e, Policy p, Consumer<String> report) {
        for (PresentedChain chain : e.chains()) {
            Instant notAfter = chain.leaf().getNotAfter().toInstant();
            if (e.now().isAfter(notAfter)) {
                report.accept("certificate " + Fmt.cert(chain.leaf()) + " expired at " + Fmt.instant(notAfter) + ", "
                        + Fmt.duration(Duration.between(notAfter, e.now())) + " ago");
            } else if (chain.status() == ChainStatus.EXPIRED) {
                Instant intermediateEnd = chain.offending().getNotAfter().toInstant();
                report.accept("intermediate " + Fmt.cert(chain.offending()) + " of certificate "
                        + Fmt.cert(chain.leaf()) + " expired at " + Fmt.instant(intermediateEnd) + ", "
                        + Fmt.duration(Duration.between(intermediateEnd, e.now())) + " ago");
            }
        }
    }
}
