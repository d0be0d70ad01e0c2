package dev.staplescan.lab.pki;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The plumbing shared by every certificate the lab makes: EC P-256 keys, random serials,
 * SHA256withECDSA signatures, key identifiers. Uses the JDK's providers (SunEC), so nothing is
 * registered globally.
 */
final class X509Factory {

    static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ORGANISATION = "staplescan lab";

    private X509Factory() {}

    static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            // Every JDK ships SunEC with P-256; missing it is a broken runtime, not a lab condition.
            throw new IllegalStateException("EC P-256 key generation unavailable", e);
        }
    }

    /** Random positive 64-bit serial: unique enough that two fleets never share a (issuer, serial). */
    static BigInteger newSerial() {
        return new BigInteger(63, RANDOM).setBit(62);
    }

    static X500Name name(String commonName) {
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.O, ORGANISATION)
                .addRDN(BCStyle.CN, commonName)
                .build();
    }

    /** A builder with serial, validity, subject and the key identifier extensions already set. */
    static X509v3CertificateBuilder builder(
            X500Name issuer,
            PublicKey issuerKey,
            X500Name subject,
            PublicKey subjectKey,
            Instant notBefore,
            Instant notAfter) {
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    issuer, newSerial(), Date.from(notBefore), Date.from(notAfter), subject, subjectKey);
            builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(subjectKey));
            AuthorityKeyIdentifier aki = utils.createAuthorityKeyIdentifier(issuerKey);
            builder.addExtension(Extension.authorityKeyIdentifier, false, aki);
            return builder;
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("cannot prepare certificate for " + subject, e);
        }
    }

    static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey issuerKey) {
        try {
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer(issuerKey)));
        } catch (CertificateException e) {
            throw new IllegalStateException("cannot convert the built certificate", e);
        }
    }

    static ContentSigner signer(PrivateKey key) {
        try {
            return new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(key);
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("cannot sign with " + SIGNATURE_ALGORITHM, e);
        }
    }

    /** Adds an extension; the wrapper only turns BC's checked encoding error into a bug report. */
    static void add(X509v3CertificateBuilder builder, ASN1ObjectIdentifier oid, boolean critical, ASN1Encodable value) {
        try {
            builder.addExtension(oid, critical, value);
        } catch (CertIOException e) {
            throw new IllegalStateException("cannot encode extension " + oid, e);
        }
    }
}
