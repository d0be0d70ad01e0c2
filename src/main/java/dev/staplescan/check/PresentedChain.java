package dev.staplescan.check;

import dev.staplescan.cert.ChainTrust;
import dev.staplescan.cert.HostnameMatch;
import dev.staplescan.scan.Handshake;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/**
 * One distinct chain an endpoint presented, judged at the assessment instant.
 *
 * @param facts      the clock-independent facts (shared by every endpoint presenting this chain)
 * @param status     trust and validity now
 * @param offending  the path certificate that is expired or not yet valid; {@code null} unless
 *                   {@code status} is EXPIRED or NOT_YET_VALID
 * @param hostname   whether the leaf covers the target's expected name
 * @param handshakes the handshakes that presented this chain
 */
public record PresentedChain(
        ChainFacts facts,
        ChainStatus status,
        X509Certificate offending,
        HostnameMatch hostname,
        List<Handshake> handshakes) {

    public PresentedChain {
        handshakes = List.copyOf(handshakes);
    }

    public X509Certificate leaf() {
        return facts.leaf();
    }

    /** Combines the cached PKIX result with the clock: a trusted path with an expired member is EXPIRED. */
    static PresentedChain judge(ChainFacts facts, Instant now, HostnameMatch hostname, List<Handshake> handshakes) {
        ChainTrust trust = facts.trust();
        ChainStatus status = switch (trust.status()) {
            case SELF_SIGNED -> ChainStatus.SELF_SIGNED;
            case INCOMPLETE -> ChainStatus.INCOMPLETE;
            case UNTRUSTED -> ChainStatus.UNTRUSTED;
            case TRUSTED -> ChainStatus.TRUSTED;
        };
        X509Certificate offending = null;
        if (status == ChainStatus.TRUSTED) {
            for (X509Certificate c : trust.path()) {
                if (now.isBefore(c.getNotBefore().toInstant())) {
                    status = ChainStatus.NOT_YET_VALID;
                    offending = c;
                    break;
                }
                if (now.isAfter(c.getNotAfter().toInstant())) {
                    status = ChainStatus.EXPIRED;
                    offending = c;
                    break;
                }
            }
        }
        return new PresentedChain(facts, status, offending, hostname, handshakes);
    }
}
