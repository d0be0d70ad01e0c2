package dev.staplescan.lab.pki;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What one OCSP response should say and who signs it, for {@link OcspResponses#build}. Immutable;
 * the {@code with...} methods return changed copies.
 *
 * @param certificate   the certificate the SingleResponse is about (its serial goes into the CertID)
 * @param issuer        the certificate whose name and key are hashed into the CertID
 * @param status        the status stated
 * @param revokedAt     revocation time; used only when {@code status == REVOKED}
 * @param thisUpdate    thisUpdate of the SingleResponse (producedAt is the same instant)
 * @param nextUpdate    nextUpdate; {@code null} = omit it (RFC 6960 allows that, clients dislike it)
 * @param signerCert    the certificate whose key hash becomes the ResponderID
 * @param signerKey     the key that signs the BasicOCSPResponse
 * @param includedCerts certificates placed in the response's {@code certs} field (e.g. a delegated responder)
 * @param sha256CertId  true to hash the CertID with SHA-256 instead of the customary SHA-1
 */
public record OcspSpec(
        X509Certificate certificate,
        X509Certificate issuer,
        CertStatus status,
        Instant revokedAt,
        Instant thisUpdate,
        Instant nextUpdate,
        X509Certificate signerCert,
        PrivateKey signerKey,
        List<X509Certificate> includedCerts,
        boolean sha256CertId) {

    public OcspSpec {
        includedCerts = List.copyOf(includedCerts);
    }

    /**
     * A good, current response for a leaf, signed by its issuer: thisUpdate now-1h, nextUpdate
     * now+3d, SHA-1 CertID, no certificates included.
     */
    public static OcspSpec good(IssuedCert leaf) {
        if (leaf.issuer() == null) {
            throw new IllegalArgumentException("a self-signed certificate has no issuer to sign its OCSP response");
        }
        Instant now = Instant.now();
        CertificateAuthority ca = leaf.issuer();
        return new OcspSpec(
                leaf.certificate(),
                ca.certificate(),
                CertStatus.GOOD,
                null,
                now.minus(Duration.ofHours(1)),
                now.plus(Duration.ofDays(3)),
                ca.certificate(),
                ca.privateKey(),
                List.of(),
                false);
    }

    public OcspSpec withStatus(CertStatus s, Instant revoked) {
        return new OcspSpec(
                certificate,
                issuer,
                s,
                revoked,
                thisUpdate,
                nextUpdate,
                signerCert,
                signerKey,
                includedCerts,
                sha256CertId);
    }

    public OcspSpec withTimes(Instant newThisUpdate, Instant newNextUpdate) {
        return new OcspSpec(
                certificate,
                issuer,
                status,
                revokedAt,
                newThisUpdate,
                newNextUpdate,
                signerCert,
                signerKey,
                includedCerts,
                sha256CertId);
    }

    public OcspSpec signedBy(X509Certificate cert, PrivateKey key, List<X509Certificate> included) {
        return new OcspSpec(
                certificate, issuer, status, revokedAt, thisUpdate, nextUpdate, cert, key, included, sha256CertId);
    }

    public OcspSpec withSha256CertId(boolean b) {
        return new OcspSpec(
                certificate,
                issuer,
                status,
                revokedAt,
                thisUpdate,
                nextUpdate,
                signerCert,
                signerKey,
                includedCerts,
                b);
    }
}
