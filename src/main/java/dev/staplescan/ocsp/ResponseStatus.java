package dev.staplescan.ocsp;

/** The OCSPResponseStatus of a staple (RFC 6960 section 4.2.1). */
public enum ResponseStatus {
    SUCCESSFUL(0),
    MALFORMED_REQUEST(1),
    INTERNAL_ERROR(2),
    TRY_LATER(3),
    SIG_REQUIRED(5),
    UNAUTHORIZED(6),
    /** A value RFC 6960 does not define (4 is reserved). */
    UNDEFINED(-1),
    /** The bytes did not parse, so there is no status to read. */
    NOT_PARSED(-2);

    private final int wireValue;

    ResponseStatus(int wireValue) {
        this.wireValue = wireValue;
    }

    /** The ENUMERATED value on the wire; negative for the two values that are not on the wire. */
    public int wireValue() {
        return wireValue;
    }

    /** The status for a wire value; {@link #UNDEFINED} for values RFC 6960 does not assign. */
    public static ResponseStatus of(int wireValue) {
        for (ResponseStatus s : values()) {
            if (s.wireValue == wireValue && wireValue >= 0) {
                return s;
            }
        }
        return UNDEFINED;
    }
}
