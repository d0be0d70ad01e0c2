package dev.staplescan.check.certificate;

import dev.staplescan.check.Check;
import dev.staplescan.check.Evidence;
import dev.staplescan.check.FindingCode;
import dev.staplescan.check.Fmt;
import dev.staplescan.check.Policy;
import dev.staplescan.check.PresentedChain;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/** CERT_EXPIRING_SOON: the leaf is still valid but its notAfter is closer than the policy allows. */
public final class CertExpiringSoonCheck implements Check {

    @Override
    public void evaluate(Evidence e, Policy p, Consumer<String> report) {
        for (PresentedChain chain : e.chains()) {
            Instant notAfter = chain.leaf().getNotAfter().toInstant();
            Duration left = Duration.between(e.now(), notAfter);
            if (!left.isNegative() && left.compareTo(p.thresholdOf(FindingCode.CERT_EXPIRING_SOON)) < 0) {
                report.accept("certificate " + Fmt.cert(chain.leaf()) + " expires at " + Fmt.instant(notAfter)
                        + ", in " + Fmt.duration(left) + " (policy " + p.name() + " warns "
                        + Fmt.duration(p.thresholdOf(FindingCode.CERT_EXPIRING_SOON)) + " ahead)");
            }
        }
    }
}
