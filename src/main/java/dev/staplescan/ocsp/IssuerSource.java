package dev.staplescan.ocsp;

/** Where the leaf's issuer certificate, needed to verify a staple, was found. */
public enum IssuerSource {
    /** Among the certificates the server sent. */
    CHAIN,
    /** Not sent by the server, but one of the trust anchors (matched by subject and key identifier). */
    TRUST_ANCHOR,
    /** Neither sent nor a trust anchor: signature and CertID issuer hashes cannot be checked. */
    NOT_FOUND
}
