package dev.staplescan.lab.pki;

/** The certificate status an OCSP SingleResponse states (RFC 6960 section 2.2). */
public enum CertStatus {
    GOOD,
    REVOKED,
    UNKNOWN
}
