package dev.staplescan.ocsp;

/** The certStatus of the SingleResponse about the leaf (RFC 6960 section 4.2.1). */
public enum RevocationStatus {
    GOOD,
    REVOKED,
    UNKNOWN,
    /** Could not tell: no SingleResponse about the leaf (wrong certificate, malformed, or an error response). */
    NOT_APPLICABLE
}
