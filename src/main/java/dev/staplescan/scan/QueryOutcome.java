package dev.staplescan.scan;

/**
 * How one live OCSP query ended (RFC 6960 Appendix A over HTTP). A closed set, like {@link Outcome}:
 * the scan records it, assessment decides what it means.
 */
public enum QueryOutcome {
    /** An HTTP response arrived in full (any status other than a redirect); see the HTTP status and body. */
    ANSWERED,
    /** Not queried: the CertID hashes the issuer's name and key, and the issuer was neither sent nor a trust anchor. */
    ISSUER_UNKNOWN,
    /**
     * Not queried: the presented chain does not validate to a trust anchor, so the URL was chosen by
     * whoever made the certificate; asking it would let any server on the list aim the scanner's
     * requests (SPEC §11).
     */
    CHAIN_NOT_TRUSTED,
    /** Not queried: no OCSP URL of the certificate is an {@code http} or {@code https} URL with a host. */
    URL_REFUSED,
    /**
     * Not queried: the responder's host or one of its addresses is refused by the responder policy
     * ({@link ResponderPolicy}: never link-local, metadata, unspecified or multicast addresses; the
     * allow and deny rules). No connection was made.
     */
    POLICY_REFUSED,
    /** The responder's name did not resolve, or the TCP connection was refused or unreachable. */
    CONNECT_FAILED,
    /** No complete answer within the responder timeout (connect, headers and body together). */
    TIMEOUT,
    /** The responder answered with a redirect (3xx); redirects are not followed, to any scheme or host. */
    REDIRECTED,
    /** The answer was larger than the size limit; it was not read further. */
    TOO_LARGE,
    /** The connection broke (reset, closed early, not HTTP, or a failed TLS handshake for {@code https}). */
    IO_ERROR,
    /** A defect in staplescan while building or sending the query; the error carries the trace. Never a server finding. */
    INTERNAL_ERROR
}
