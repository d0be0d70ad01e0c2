package dev.staplescan.ocsp;

/** Whether a SingleResponse in the staple is about the served leaf (RFC 6960 section 4.1.1, CertID). */
public enum CertIdMatch {
    /** Serial, issuer name hash and issuer key hash all match the leaf and its issuer. */
    MATCH,
    /** The serial matches; the issuer hashes could not be checked because the issuer is unknown. */
    SERIAL_ONLY,
    /** A SingleResponse has the leaf's serial, but its issuer hashes name another CA. */
    ISSUER_MISMATCH,
    /** No SingleResponse carries the leaf's serial: the staple is for another certificate. */
    SERIAL_MISMATCH,
    /** Could not tell: the response did not get that far (malformed or not successful). */
    NOT_CHECKED;

    /** True when the SingleResponse can be taken as being about the leaf. */
    public boolean usable() {
        return this == MATCH || this == SERIAL_ONLY;
    }
}
