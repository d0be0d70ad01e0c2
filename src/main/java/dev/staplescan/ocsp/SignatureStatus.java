package dev.staplescan.ocsp;

/** Whether the BasicOCSPResponse signature verifies (RFC 6960 section 3.2, item 2). */
public enum SignatureStatus {
    /** Verified with the key of the responder the ResponderID names (or of the issuer). */
    VALID,
    /** The named responder's key does not verify the signature: corrupted or forged response. */
    INVALID,
    /**
     * Could not tell: no key to verify with (the issuer is unknown, or the ResponderID names a
     * certificate that is neither the issuer nor included in the response), or the response did not
     * get that far (malformed or not successful).
     */
    NOT_CHECKED
}
