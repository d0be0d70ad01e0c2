package dev.staplescan.ocsp;

import java.io.IOException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.bc.BcDigestCalculatorProvider;

/** Builds the OCSPRequest a client sends to a responder (RFC 6960 section 4.1). Pure and thread-safe. */
public final class OcspRequests {

    /**
     * One request and the CertID hash that identifies its issuer.
     *
     * @param der           the DER OCSPRequest
     * @param issuerKeyHash the CertID's issuerKeyHash (SHA-1 of the issuer's public key), lower-case hex
     */
    public record Request(byte[] der, String issuerKeyHash) {}

    private OcspRequests() {}

    /**
     * An unsigned request for one certificate with a SHA-1 CertID and no nonce. SHA-1 because the
     * lightweight profile (RFC 5019 section 2.1.1) that most public responders implement accepts only
     * SHA-1 CertIDs. No nonce because answers are cached and shared by every host presenting the
     * certificate, and RFC 5019 responders ignore nonces anyway (RFC 8954 section 2).
     */
    public static Request forCertificate(X509Certificate leaf, X509Certificate issuer) {
        try {
            CertificateID id = new CertificateID(
                    new BcDigestCalculatorProvider().get(CertificateID.HASH_SHA1),
                    new JcaX509CertificateHolder(issuer),
                    leaf.getSerialNumber());
            byte[] der = new OCSPReqBuilder().addRequest(id).build().getEncoded();
            return new Request(der, HexFormat.of().formatHex(id.getIssuerKeyHash()));
        } catch (OperatorCreationException | OCSPException | CertificateEncodingException | IOException e) {
            // SHA-1 is built into BouncyCastle and both certificates were parsed already: our defect.
            throw new IllegalStateException(
                    "cannot build an OCSP request for serial "
                            + leaf.getSerialNumber().toString(16),
                    e);
        }
    }
}
