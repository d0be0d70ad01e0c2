package dev.staplescan.ocsp;

/**
 * Who signed a staple and whether the signature holds (RFC 6960 sections 3.2 and 4.2.2.2).
 *
 * @param signature     whether the signature verifies, or {@link SignatureStatus#NOT_CHECKED}
 * @param authority     whether the signer may sign for the issuer, or {@link SignerAuthority#NOT_CHECKED}
 * @param issuerSource  where the leaf's issuer came from; {@link IssuerSource#NOT_FOUND} explains NOT_CHECKED
 * @param signerSubject subject DN of the signing certificate (the issuer or a delegate); {@code ""} when unknown
 * @param responderId   the ResponderID as sent: {@code byName: <DN>} or {@code byKey: <hex>}; {@code ""} when not parsed
 * @param noCheck       true when a delegated signer carries id-pkix-ocsp-nocheck (RFC 6960 section 4.2.2.2.1):
 *                      clients need not check its revocation. We never check it (no network in assessment).
 */
public record SignerCheck(
        SignatureStatus signature,
        SignerAuthority authority,
        IssuerSource issuerSource,
        String signerSubject,
        String responderId,
        boolean noCheck) {

    /** Nothing checked: the response did not get as far as a signature. */
    public static SignerCheck notChecked(IssuerSource issuerSource) {
        return new SignerCheck(SignatureStatus.NOT_CHECKED, SignerAuthority.NOT_CHECKED, issuerSource, "", "", false);
    }
}
