package dev.staplescan.ocsp;

/**
 * Whether the staple's signer may speak for the leaf's issuer (RFC 6960 section 4.2.2.2): the
 * issuer itself, or a delegated responder certificate issued directly by the issuer with
 * id-kp-OCSPSigning in its extended key usage.
 */
public enum SignerAuthority {
    /** Signed by the issuing CA itself. */
    ISSUER,
    /** Signed by a delegated responder issued by the issuer, with id-kp-OCSPSigning, valid now. */
    DELEGATED,
    /** Signed by an included certificate that the issuer did not issue (a stranger). */
    DELEGATE_NOT_ISSUED_BY_ISSUER,
    /** Signed by a certificate the issuer issued, but without id-kp-OCSPSigning (e.g. a TLS certificate). */
    DELEGATE_WITHOUT_OCSP_SIGNING,
    /** Signed by a delegated responder whose certificate is expired or not yet valid. */
    DELEGATE_OUTSIDE_VALIDITY,
    /** The ResponderID names neither the issuer nor a certificate included in the response. */
    UNKNOWN_RESPONDER,
    /** Could not tell: the issuer is unknown (incomplete chain), or the response did not get that far. */
    NOT_CHECKED;

    /** True when the signer is allowed to sign for the issuer; false also when we could not tell. */
    public boolean authorized() {
        return this == ISSUER || this == DELEGATED;
    }

    /** True when we know the signer is not allowed to sign for the issuer. */
    public boolean unauthorized() {
        return this == DELEGATE_NOT_ISSUED_BY_ISSUER
                || this == DELEGATE_WITHOUT_OCSP_SIGNING
                || this == DELEGATE_OUTSIDE_VALIDITY
                || this == UNKNOWN_RESPONDER;
    }
}
