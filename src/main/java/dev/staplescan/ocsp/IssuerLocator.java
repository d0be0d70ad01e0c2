package dev.staplescan.ocsp;

import java.io.IOException;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.NoSuchProviderException;
import java.security.SignatureException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;

/**
 * Finds the certificate that issued a leaf: first among the certificates the server sent (in any
 * order: servers often send them misordered), then among the trust anchors, which is where an
 * issuer that an incomplete chain omits may still be found. Pure and thread-safe.
 */
public final class IssuerLocator {

    private IssuerLocator() {}

    /**
     * Finds the leaf's issuer in the chain as sent, else among the trust anchors.
     *
     * @param leaf    the certificate whose issuer is wanted
     * @param chain   the certificates the server sent (the leaf may be among them; it counts only when self-issued)
     * @param anchors candidate trust anchor certificates (any; they are filtered by subject and key identifier)
     */
    public static Issuer locate(
            X509Certificate leaf, List<X509Certificate> chain, Collection<X509Certificate> anchors) {
        for (X509Certificate candidate : chain) {
            if (issued(candidate, leaf)) {
                return new Issuer(candidate, IssuerSource.CHAIN);
            }
        }
        for (X509Certificate candidate : anchors) {
            if (issued(candidate, leaf)) {
                return new Issuer(candidate, IssuerSource.TRUST_ANCHOR);
            }
        }
        return Issuer.notFound();
    }

    /**
     * True when {@code candidate} issued {@code child}: the subject matches the child's issuer, the
     * key identifiers agree when both are present (RFC 5280 section 4.2.1.1), and the candidate's
     * key verifies the child's signature (which tells apart re-keyed CAs with the same name).
     */
    public static boolean issued(X509Certificate candidate, X509Certificate child) {
        if (!candidate.getSubjectX500Principal().equals(child.getIssuerX500Principal())) {
            return false;
        }
        byte[] authorityKeyId = authorityKeyId(child);
        byte[] subjectKeyId = subjectKeyId(candidate);
        if (authorityKeyId != null && subjectKeyId != null && !Arrays.equals(authorityKeyId, subjectKeyId)) {
            return false;
        }
        try {
            child.verify(candidate.getPublicKey());
            return true;
        } catch (SignatureException | InvalidKeyException e) {
            // A same-named certificate with another key (a re-keyed CA, a stranger): not the issuer.
            return false;
        } catch (NoSuchAlgorithmException e) {
            // A signature algorithm this JDK cannot verify: we cannot call it the issuer.
            return false;
        } catch (CertificateException | NoSuchProviderException e) {
            // Both certificates were parsed already and no provider is named: this is our defect.
            throw new IllegalStateException("cannot verify " + child.getSubjectX500Principal(), e);
        }
    }

    /** The keyIdentifier of the AuthorityKeyIdentifier extension, or {@code null} if absent or unreadable. */
    static byte[] authorityKeyId(X509Certificate cert) {
        byte[] value = cert.getExtensionValue(Extension.authorityKeyIdentifier.getId());
        if (value == null) {
            return null;
        }
        try {
            return AuthorityKeyIdentifier.getInstance(JcaX509ExtensionUtils.parseExtensionValue(value))
                    .getKeyIdentifierOctets();
        } catch (IOException | IllegalArgumentException e) {
            // A CA that encoded the extension badly: fall back to name and signature alone.
            return null;
        }
    }

    /** The SubjectKeyIdentifier, or {@code null} if absent or unreadable. */
    static byte[] subjectKeyId(X509Certificate cert) {
        byte[] value = cert.getExtensionValue(Extension.subjectKeyIdentifier.getId());
        if (value == null) {
            return null;
        }
        try {
            return SubjectKeyIdentifier.getInstance(JcaX509ExtensionUtils.parseExtensionValue(value))
                    .getKeyIdentifier();
        } catch (IOException | IllegalArgumentException e) {
            // A CA that encoded the extension badly: fall back to name and signature alone.
            return null;
        }
    }
}
