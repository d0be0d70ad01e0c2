package dev.staplescan.check;

import dev.staplescan.ocsp.StapleVerification;
import dev.staplescan.scan.Handshake;
import java.util.List;

/**
 * One distinct staple an endpoint served (same bytes with the same chain count once), and its
 * verification against the leaf it came with.
 *
 * @param verification the verification result
 * @param chain        the chain it was served with; {@code null} when the handshake recorded none
 *                     (a TLS 1.3 handshake the client aborted over a malformed staple)
 * @param handshakes   the handshakes that carried it
 */
public record ServedStaple(StapleVerification verification, PresentedChain chain, List<Handshake> handshakes) {

    public ServedStaple {
        handshakes = List.copyOf(handshakes);
    }
}
