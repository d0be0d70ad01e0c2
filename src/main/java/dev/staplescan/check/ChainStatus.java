package dev.staplescan.check;

/** A presented chain's standing at the assessment instant (trust from PKIX, plus the clock). */
public enum ChainStatus {
    /** Leads to a trust anchor and every certificate on the path is valid now. */
    TRUSTED,
    /** Leads to a trust anchor, but a certificate on the path has expired. */
    EXPIRED,
    /** Leads to a trust anchor, but a certificate on the path is not valid yet. */
    NOT_YET_VALID,
    /** The leaf is self-signed and not a trust anchor. */
    SELF_SIGNED,
    /** The leaf's issuer is neither sent nor a trust anchor. */
    INCOMPLETE,
    /** Does not lead to a trust anchor for another reason. */
    UNTRUSTED
}
