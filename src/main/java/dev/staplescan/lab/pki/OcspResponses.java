package dev.staplescan.lab.pki;

import java.io.IOException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Date;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.ocsp.BasicOCSPResponse;
import org.bouncycastle.asn1.ocsp.OCSPResponse;
import org.bouncycastle.asn1.ocsp.ResponseBytes;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.bc.BcDigestCalculatorProvider;

/** Builds DER-encoded OCSPResponse messages (RFC 6960 section 4.2.1) for staples and the responder. */
public final class OcspResponses {

    private static final AlgorithmIdentifier SHA256 = new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256);

    private OcspResponses() {}

    /**
     * A successful response with one SingleResponse as the spec says, producedAt = thisUpdate, and
     * a by-key ResponderID (SHA-1 of the signer's public key, RFC 6960 section 4.2.1).
     */
    public static byte[] build(OcspSpec spec) {
        return build(spec, certificateId(spec.issuer(), spec.certificate(), spec.sha256CertId()));
    }

    /**
     * Like {@link #build(OcspSpec)} but about an explicit CertID, e.g. the one a client asked for
     * (a responder echoes the request's CertID, even for a serial it does not know). The spec's
     * certificate, issuer and sha256CertId are ignored.
     */
    public static byte[] build(OcspSpec spec, CertificateID id) {
        try {
            SubjectPublicKeyInfo signerKey = SubjectPublicKeyInfo.getInstance(
                    spec.signerCert().getPublicKey().getEncoded());
            BasicOCSPRespBuilder builder = new BasicOCSPRespBuilder(signerKey, digest(CertificateID.HASH_SHA1));
            builder.addResponse(
                    id,
                    status(spec),
                    Date.from(spec.thisUpdate()),
                    spec.nextUpdate() == null ? null : Date.from(spec.nextUpdate()),
                    null);
            X509CertificateHolder[] certs =
                    new X509CertificateHolder[spec.includedCerts().size()];
            for (int i = 0; i < certs.length; i++) {
                certs[i] = new JcaX509CertificateHolder(spec.includedCerts().get(i));
            }
            BasicOCSPResp basic =
                    builder.build(X509Factory.signer(spec.signerKey()), certs, Date.from(spec.thisUpdate()));
            return new OCSPRespBuilder()
                    .build(OCSPRespBuilder.SUCCESSFUL, basic)
                    .getEncoded();
        } catch (OCSPException | CertificateEncodingException | IOException e) {
            throw new IllegalStateException(
                    "cannot build OCSP response for serial "
                            + id.getSerialNumber().toString(16),
                    e);
        }
    }

    /**
     * An unsuccessful response: just the responseStatus, no responseBytes (RFC 6960 section 4.2.1),
     * e.g. 1 = malformedRequest, 2 = internalError, 3 = tryLater, 5 = sigRequired, 6 = unauthorized.
     */
    public static byte[] error(int responseStatus) {
        if (responseStatus == OCSPRespBuilder.SUCCESSFUL) {
            throw new IllegalArgumentException("status 0 (successful) needs responseBytes: use build()");
        }
        try {
            return new OCSPRespBuilder().build(responseStatus, null).getEncoded();
        } catch (OCSPException | IOException e) {
            throw new IllegalStateException("cannot encode OCSP error status " + responseStatus, e);
        }
    }

    /**
     * The same response with one bit of its signature flipped: still well-formed DER, still naming
     * the same responder, but the signature no longer verifies (a response corrupted in a cache, or
     * tampered with). The last bit of an ECDSA signature is the low bit of {@code s}, so the
     * signature's own DER stays valid too.
     */
    public static byte[] withCorruptedSignature(byte[] ocspResponse) {
        try {
            OCSPResponse outer = OCSPResponse.getInstance(ocspResponse);
            ResponseBytes bytes = outer.getResponseBytes();
            if (bytes == null) {
                throw new IllegalArgumentException("an error response has no signature to corrupt");
            }
            BasicOCSPResponse basic =
                    BasicOCSPResponse.getInstance(bytes.getResponse().getOctets());
            byte[] signature = basic.getSignature().getOctets();
            signature[signature.length - 1] ^= 0x01;
            BasicOCSPResponse corrupted = new BasicOCSPResponse(
                    basic.getTbsResponseData(),
                    basic.getSignatureAlgorithm(),
                    new DERBitString(signature),
                    basic.getCerts());
            ResponseBytes rewrapped = new ResponseBytes(
                    bytes.getResponseType(), new DEROctetString(corrupted.getEncoded(ASN1Encoding.DER)));
            return new OCSPResponse(outer.getResponseStatus(), rewrapped).getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new IllegalStateException("cannot re-encode the corrupted OCSP response", e);
        }
    }

    /** The CertID for a certificate under an issuer, hashed with SHA-1 or SHA-256. */
    public static CertificateID certificateId(X509Certificate issuer, X509Certificate certificate, boolean sha256) {
        try {
            return new CertificateID(
                    digest(sha256 ? SHA256 : CertificateID.HASH_SHA1),
                    new JcaX509CertificateHolder(issuer),
                    certificate.getSerialNumber());
        } catch (OCSPException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot compute CertID", e);
        }
    }

    private static CertificateStatus status(OcspSpec spec) {
        return switch (spec.status()) {
            case GOOD -> CertificateStatus.GOOD;
            case REVOKED ->
                new RevokedStatus(
                        Date.from(spec.revokedAt() != null ? spec.revokedAt() : spec.thisUpdate()),
                        CRLReason.keyCompromise);
            case UNKNOWN -> new UnknownStatus();
        };
    }

    private static DigestCalculator digest(AlgorithmIdentifier algorithm) {
        try {
            return new BcDigestCalculatorProvider().get(algorithm);
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("no digest for " + algorithm.getAlgorithm(), e);
        }
    }
}
