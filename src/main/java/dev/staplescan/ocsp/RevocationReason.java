package dev.staplescan.ocsp;

/** CRLReason of a revoked status (RFC 5280 section 5.3.1); value 7 is unused on the wire. */
public enum RevocationReason {
    UNSPECIFIED(0, "unspecified"),
    KEY_COMPROMISE(1, "keyCompromise"),
    CA_COMPROMISE(2, "cACompromise"),
    AFFILIATION_CHANGED(3, "affiliationChanged"),
    SUPERSEDED(4, "superseded"),
    CESSATION_OF_OPERATION(5, "cessationOfOperation"),
    CERTIFICATE_HOLD(6, "certificateHold"),
    REMOVE_FROM_CRL(8, "removeFromCRL"),
    PRIVILEGE_WITHDRAWN(9, "privilegeWithdrawn"),
    AA_COMPROMISE(10, "aACompromise"),
    /** A reason code RFC 5280 does not define. */
    UNDEFINED(-1, "undefined"),
    /** The revoked status gave no reason (revocationReason is OPTIONAL). */
    NOT_GIVEN(-2, "not given"),
    /** The status is not revoked. */
    NOT_REVOKED(-3, "not revoked");

    private final int code;
    private final String asn1Name;

    RevocationReason(int code, String asn1Name) {
        this.code = code;
        this.asn1Name = asn1Name;
    }

    /** The name RFC 5280 uses, e.g. {@code keyCompromise}, for messages. */
    public String asn1Name() {
        return asn1Name;
    }

    /** The reason for a wire value; {@link #UNDEFINED} for values RFC 5280 does not assign. */
    public static RevocationReason of(int code) {
        for (RevocationReason r : values()) {
            if (r.code == code && code >= 0) {
                return r;
            }
        }
        return UNDEFINED;
    }
}
