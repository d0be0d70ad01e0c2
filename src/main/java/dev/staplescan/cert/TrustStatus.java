package dev.staplescan.cert;

/**
 * Whether a presented chain leads to a trust anchor, judged at an instant when all its
 * certificates are valid, so that this verdict does not depend on the clock (and can be cached
 * per chain for a whole run). Expiry is judged separately, at the assessment instant.
 */
public enum TrustStatus {
    /** PKIX (revocation disabled) builds a path from the leaf to a trust anchor. */
    TRUSTED,
    /** The leaf names itself as issuer and is not a trust anchor. */
    SELF_SIGNED,
    /** The leaf's issuer was not sent and is not a trust anchor: an intermediate is missing. */
    INCOMPLETE,
    /** Any other failure: an unknown root, a root sent but not trusted, a broken signature, a constraint. */
    UNTRUSTED
}
