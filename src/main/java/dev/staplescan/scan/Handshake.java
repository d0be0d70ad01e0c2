package dev.staplescan.scan;

import java.util.List;

/**
 * The raw facts of one TLS handshake attempt that asked for a staple. Nothing here is judged:
 * validation happens in assessment.
 *
 * @param sequence        0-based order of this attempt within the endpoint's scan
 * @param address         the IP address connected to (literal, IPv6 without brackets)
 * @param requested       the TLS version the client offered (exactly one per attempt)
 * @param outcome         how the attempt ended
 * @param protocol        negotiated protocol name (e.g. {@code TLSv1.3}); {@code null} if no handshake completed
 * @param cipher          negotiated cipher suite; {@code null} if no handshake completed
 * @param chain           the certificate chain as sent by the server, leaf first, DER; empty if none was received
 * @param staple          the OCSP response bytes the server stapled; {@code null} when the server sent none
 * @param connectMillis   time to establish TCP, or -1 if not connected
 * @param handshakeMillis time from connected to handshake end (or failure), or -1 if not started
 * @param error           the error detail when {@code outcome != OK} (exception class and message); {@code null} otherwise
 */
public record Handshake(
        int sequence,
        String address,
        TlsVersion requested,
        Outcome outcome,
        String protocol,
        String cipher,
        List<byte[]> chain,
        byte[] staple,
        long connectMillis,
        long handshakeMillis,
        String error) {

    public Handshake {
        chain = List.copyOf(chain);
    }

    /** True when the handshake completed (the chain is available). */
    public boolean completed() {
        return outcome == Outcome.OK;
    }

    /** True when the server stapled something (valid or not). */
    public boolean stapled() {
        return staple != null;
    }
}
