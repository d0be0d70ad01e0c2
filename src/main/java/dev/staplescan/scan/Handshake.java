package dev.staplescan.scan;

import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

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

    /**
     * The TLS version this handshake ran under: the negotiated one, else (no handshake completed, e.g.
     * aborted over a malformed staple) the one asked for. This is the one notion of "a handshake's
     * version" that grouping by version uses ({@link #byVersion}): a staple travels in the protocol
     * that ran, a CertificateStatus message in TLS 1.2 (RFC 6066 section 8) and a CertificateEntry
     * extension in TLS 1.3 (RFC 8446 section 4.4.2.1). A server asked for TLS 1.3 that answered in TLS
     * 1.2 stapled (or not) under TLS 1.2 and says nothing about its TLS 1.3 stapling; counting it under
     * the version asked for would credit or blame TLS 1.3 for what TLS 1.2 did. (Our probe offers one
     * version per attempt, so a completed handshake ran the version asked for, and a negotiated name
     * outside {@link TlsVersion} cannot occur; should one, the version asked for stands in.)
     */
    public TlsVersion version() {
        return Optional.ofNullable(protocol).flatMap(TlsVersion::fromJsse).orElse(requested);
    }

    /**
     * The handshakes grouped by {@link #version()}, versions in {@link TlsVersion} order, handshakes
     * in their given order; a version no handshake ran under is absent.
     */
    public static Map<TlsVersion, List<Handshake>> byVersion(Collection<Handshake> handshakes) {
        return handshakes.stream()
                .collect(Collectors.groupingBy(
                        Handshake::version, () -> new EnumMap<>(TlsVersion.class), Collectors.toList()));
    }
}
