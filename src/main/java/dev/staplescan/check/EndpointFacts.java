package dev.staplescan.check;

import java.time.Instant;

/**
 * Facts about an endpoint that reports and spreadsheets want as columns. Every component is
 * {@code null} when it could not be determined (for example, no handshake completed).
 *
 * @param protocols       TLS versions that completed a handshake, e.g. {@code "TLSv1.3;TLSv1.2"}
 * @param stapled         true if any handshake carried a staple, false if none did
 * @param ocspStatus      status in the staple: {@code good}, {@code revoked}, {@code unknown}, or {@code null} without a usable staple
 * @param thisUpdate      the staple's thisUpdate
 * @param nextUpdate      the staple's nextUpdate
 * @param certNotAfter    the leaf certificate's notAfter
 * @param mustStaple      true if the leaf carries the TLS Feature status_request (RFC 7633)
 * @param subject         the leaf's subject DN
 * @param issuer          the leaf's issuer DN
 * @param serial          the leaf's serial number, hex
 * @param responderUrl    the leaf's OCSP responder URL from the AIA extension
 * @param stapledTls13    under TLS 1.3: true if a handshake that reached the server stapled, false if none
 *                        did, {@code null} when no TLS 1.3 handshake reached it
 * @param stapledTls12    the same under TLS 1.2
 */
public record EndpointFacts(
        String protocols,
        Boolean stapled,
        String ocspStatus,
        Instant thisUpdate,
        Instant nextUpdate,
        Instant certNotAfter,
        Boolean mustStaple,
        String subject,
        String issuer,
        String serial,
        String responderUrl,
        Boolean stapledTls13,
        Boolean stapledTls12) {

    /** The {@link #ocspStatus()} of a staple that says the certificate is good. */
    public static final String GOOD = "good";

    /** Facts for an endpoint where nothing could be observed. */
    public static EndpointFacts unknown() {
        return new EndpointFacts(null, null, null, null, null, null, null, null, null, null, null, null, null);
    }
}
