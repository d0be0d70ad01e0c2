package dev.staplescan.check.certificate;

import dev.staplescan.cert.HostnameMatch;
import dev.staplescan.check.Check;
import dev.staplescan.check.Evidence;
import dev.staplescan.check.Fmt;
import dev.staplescan.check.Policy;
import dev.staplescan.check.PresentedChain;
import java.util.function.Consumer;

/**
 * CERT_HOSTNAME_MISMATCH: the leaf's subjectAltName does not cover the name a client checks (the
 * SNI name, else the host; SPEC §4.3). The subject CN is not consulted (RFC 6125, BR 7.1.4.2).
 */
public final class CertHostnameMismatchCheck implements Check {

    @Override
    public void evaluate(Evidence e, Policy p, Consumer<String> report) {
        for (PresentedChain chain : e.chains()) {
            HostnameMatch m = chain.hostname();
            if (!m.matches()) {
                String sans = m.presented().isEmpty()
                        ? "no subjectAltName entries"
                        : "subjectAltName " + String.join(", ", m.presented());
                report.accept((m.ipLiteral() ? "IP address " : "name ") + m.name() + " is not covered by certificate "
                        + Fmt.cert(chain.leaf()) + ": it has " + sans);
            }
        }
    }
}
