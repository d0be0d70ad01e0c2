package dev.staplescan.ocsp;

import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.ocsp.ResponderID;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Checks a staple's signature and whether its signer may sign for the leaf's issuer
 * (RFC 6960 sections 3.2 and 4.2.2.2). Pure and thread-safe.
 */
final class SignerVerifier {

    /** id-pkix-ocsp-nocheck (RFC 6960 section 4.2.2.2.1). */
    private static final String OCSP_NOCHECK = "1.3.6.1.5.5.7.48.1.5";

    private SignerVerifier() {}

    static SignerCheck check(ParsedStaple staple, Issuer issuer, Instant now, SignatureCache cache) {
        BasicOCSPResp basic = staple.basic();
        String responderId = describe(basic.getResponderId());
        List<X509Certificate> candidates = new ArrayList<>();
        if (issuer.found()) {
            candidates.add(issuer.certificate());
        }
        candidates.addAll(staple.included());

        X509Certificate named = null;
        for (X509Certificate c : candidates) {
            if (names(basic.getResponderId(), c)) {
                named = c;
                break;
            }
        }
        X509Certificate signer = null;
        if (named != null) {
            if (!verifies(staple, named, cache)) {
                // We know who claims to have signed, and their key does not verify it.
                return new SignerCheck(
                        SignatureStatus.INVALID,
                        SignerAuthority.NOT_CHECKED,
                        issuer.source(),
                        subject(named),
                        responderId,
                        false);
            }
            signer = named;
        } else {
            // A ResponderID that names nobody we hold (some responders encode names differently):
            // the signature decides who signed.
            for (X509Certificate c : candidates) {
                if (verifies(staple, c, cache)) {
                    signer = c;
                    break;
                }
            }
        }
        if (signer == null) {
            SignerAuthority authority =
                    issuer.found() ? SignerAuthority.UNKNOWN_RESPONDER : SignerAuthority.NOT_CHECKED;
            return new SignerCheck(SignatureStatus.NOT_CHECKED, authority, issuer.source(), "", responderId, false);
        }
        SignerAuthority authority = authority(signer, issuer, now, cache);
        boolean delegate = authority != SignerAuthority.ISSUER;
        return new SignerCheck(
                SignatureStatus.VALID,
                authority,
                issuer.source(),
                subject(signer),
                responderId,
                delegate && signer.getExtensionValue(OCSP_NOCHECK) != null);
    }

    private static SignerAuthority authority(X509Certificate signer, Issuer issuer, Instant now, SignatureCache cache) {
        if (!issuer.found()) {
            return SignerAuthority.NOT_CHECKED;
        }
        if (signer.getPublicKey().equals(issuer.certificate().getPublicKey())) {
            return SignerAuthority.ISSUER;
        }
        // RFC 6960 4.2.2.2: the delegate must be issued directly by the CA that issued the leaf ...
        X509Certificate ca = issuer.certificate();
        if (!cache.verified(encoded(signer), encoded(ca), () -> IssuerLocator.issued(ca, signer))) {
            return SignerAuthority.DELEGATE_NOT_ISSUED_BY_ISSUER;
        }
        // ... and carry id-kp-OCSPSigning, so that a CA's ordinary TLS certificate cannot sign statuses.
        if (!hasOcspSigning(signer)) {
            return SignerAuthority.DELEGATE_WITHOUT_OCSP_SIGNING;
        }
        if (now.isBefore(signer.getNotBefore().toInstant())
                || now.isAfter(signer.getNotAfter().toInstant())) {
            return SignerAuthority.DELEGATE_OUTSIDE_VALIDITY;
        }
        return SignerAuthority.DELEGATED;
    }

    private static boolean hasOcspSigning(X509Certificate cert) {
        try {
            List<String> eku = cert.getExtendedKeyUsage();
            return eku != null && eku.contains(KeyPurposeId.id_kp_OCSPSigning.getId());
        } catch (CertificateParsingException e) {
            // An unreadable EKU cannot show id-kp-OCSPSigning.
            return false;
        }
    }

    private static boolean verifies(ParsedStaple staple, X509Certificate cert, SignatureCache cache) {
        return cache.verified(staple.der(), encoded(cert), () -> verifies(staple.basic(), cert));
    }

    private static boolean verifies(BasicOCSPResp basic, X509Certificate cert) {
        try {
            return basic.isSignatureValid(new JcaContentVerifierProviderBuilder().build(cert.getPublicKey()));
        } catch (OperatorCreationException | OCSPException e) {
            // Key type that does not fit the signature algorithm, or an algorithm the JDK lacks:
            // this key did not produce the signature.
            return false;
        }
    }

    private static boolean names(RespID responderId, X509Certificate cert) {
        X500Name name = X500Name.getInstance(cert.getSubjectX500Principal().getEncoded());
        if (responderId.equals(new RespID(name))) {
            return true;
        }
        try {
            SubjectPublicKeyInfo key =
                    SubjectPublicKeyInfo.getInstance(cert.getPublicKey().getEncoded());
            return responderId.equals(new RespID(
                    key, new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1)));
        } catch (OperatorCreationException | OCSPException e) {
            // SHA-1 is mandatory in every JDK; its absence is a broken runtime, not a server fault.
            throw new IllegalStateException("SHA-1 digest unavailable", e);
        }
    }

    private static String describe(RespID responderId) {
        ResponderID id = responderId.toASN1Primitive();
        if (id.getName() != null) {
            return "byName: " + id.getName();
        }
        return "byKey: " + HexFormat.of().formatHex(id.getKeyHash());
    }

    private static byte[] encoded(X509Certificate cert) {
        try {
            return cert.getEncoded();
        } catch (CertificateEncodingException e) {
            // Every certificate here was decoded from DER already: our defect.
            throw new IllegalStateException("cannot re-encode " + cert.getSubjectX500Principal(), e);
        }
    }

    private static String subject(X509Certificate cert) {
        return cert.getSubjectX500Principal().getName();
    }
}
