package dev.staplescan.ocsp;

/** Whether the stapled bytes are an OCSP response we can read (RFC 6960 section 4.2.1). */
public enum ParseStatus {
    /** An OCSPResponse; if successful, its BasicOCSPResponse and every SingleResponse parsed too. */
    PARSED,
    /** Not DER, not an OCSPResponse, or a successful response whose content is broken. */
    MALFORMED,
    /** A successful OCSPResponse whose responseType is not id-pkix-ocsp-basic, the only type RFC 6960 defines. */
    UNSUPPORTED_RESPONSE_TYPE
}
