package dev.staplescan.lab.pki;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;

/**
 * A certificate authority of the lab PKI: an EC P-256 key and its CA certificate, built in code at
 * start (no PEM files in the repository that could expire). Roots are self-signed; intermediates,
 * leaves and delegated OCSP responders are issued by {@link #intermediate}, {@link #issue} and
 * {@link #delegatedResponder}. Thread-safe: immutable after construction.
 */
public final class CertificateAuthority {

    /** RFC 7633 TLS Feature extension; its value is a SEQUENCE OF INTEGER of TLS extension types. */
    public static final String TLS_FEATURE_OID = "1.3.6.1.5.5.7.1.24";
    /** TLS extension type status_request (RFC 6066), the one feature Must-Staple names. */
    private static final int STATUS_REQUEST = 5;

    private final X509Certificate certificate;
    private final PrivateKey privateKey;
    private final CertificateAuthority parent;

    private CertificateAuthority(X509Certificate certificate, PrivateKey privateKey, CertificateAuthority parent) {
        this.certificate = certificate;
        this.privateKey = privateKey;
        this.parent = parent;
    }

    /**
     * A self-signed root CA, valid now-5y .. now+10y. Like real roots it predates every leaf it
     * signs, so a leaf that expired last month still chains at a time when all its CAs were valid.
     */
    public static CertificateAuthority root(String commonName) {
        KeyPair keys = X509Factory.newKeyPair();
        X500Name name = X509Factory.name(commonName);
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = X509Factory.builder(
                name,
                keys.getPublic(),
                name,
                keys.getPublic(),
                now.minus(Duration.ofDays(5 * 365)),
                now.plus(Duration.ofDays(3650)));
        addCaExtensions(builder);
        return new CertificateAuthority(X509Factory.sign(builder, keys.getPrivate()), keys.getPrivate(), null);
    }

    /**
     * A self-signed leaf (not a CA), for the "self-signed certificate" scenario. Its issuer is
     * {@code null}: nothing but the certificate itself vouches for it.
     */
    public static IssuedCert selfSigned(LeafSpec spec) {
        KeyPair keys = X509Factory.newKeyPair();
        X500Name name = X509Factory.name(spec.commonName());
        X509v3CertificateBuilder builder =
                X509Factory.builder(name, keys.getPublic(), name, keys.getPublic(), spec.notBefore(), spec.notAfter());
        addLeafExtensions(builder, spec);
        return new IssuedCert(X509Factory.sign(builder, keys.getPrivate()), keys.getPrivate(), null);
    }

    /** A CA issued by this one (basicConstraints CA, keyCertSign), valid now-2y .. now+5y. */
    public CertificateAuthority intermediate(String commonName) {
        KeyPair keys = X509Factory.newKeyPair();
        Instant now = Instant.now();
        // Issued two years ago (and within the root's validity), as intermediates in service are.
        X509v3CertificateBuilder builder =
                childBuilder(commonName, keys, now.minus(Duration.ofDays(2 * 365)), now.plus(Duration.ofDays(1825)));
        addCaExtensions(builder);
        return new CertificateAuthority(X509Factory.sign(builder, privateKey), keys.getPrivate(), this);
    }

    /** A TLS server certificate issued by this CA. */
    public IssuedCert issue(LeafSpec spec) {
        KeyPair keys = X509Factory.newKeyPair();
        X509v3CertificateBuilder builder = childBuilder(spec.commonName(), keys, spec.notBefore(), spec.notAfter());
        addLeafExtensions(builder, spec);
        return new IssuedCert(X509Factory.sign(builder, privateKey), keys.getPrivate(), this);
    }

    /**
     * A delegated OCSP responder certificate issued by this CA (RFC 6960 section 4.2.2.2), valid
     * now-1d .. now+1y, with id-pkix-ocsp-nocheck. With {@code ocspSigningEku} the EKU is
     * id-kp-OCSPSigning; without it the EKU is serverAuth only, so the certificate is a plausible
     * mistake (a TLS certificate used to sign responses) that verifiers must reject.
     */
    public IssuedCert delegatedResponder(String commonName, boolean ocspSigningEku) {
        KeyPair keys = X509Factory.newKeyPair();
        Instant now = Instant.now();
        X509v3CertificateBuilder builder =
                childBuilder(commonName, keys, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)));
        X509Factory.add(builder, Extension.basicConstraints, true, new BasicConstraints(false));
        X509Factory.add(builder, Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        KeyPurposeId purpose = ocspSigningEku ? KeyPurposeId.id_kp_OCSPSigning : KeyPurposeId.id_kp_serverAuth;
        X509Factory.add(builder, Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
        X509Factory.add(builder, OCSPObjectIdentifiers.id_pkix_ocsp_nocheck, false, DERNull.INSTANCE);
        return new IssuedCert(X509Factory.sign(builder, privateKey), keys.getPrivate(), this);
    }

    public X509Certificate certificate() {
        return certificate;
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    /** The issuing CA, or {@code null} for a root. */
    public CertificateAuthority parent() {
        return parent;
    }

    private X509v3CertificateBuilder childBuilder(
            String commonName, KeyPair keys, Instant notBefore, Instant notAfter) {
        X500Name issuerName =
                X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        return X509Factory.builder(
                issuerName,
                certificate.getPublicKey(),
                X509Factory.name(commonName),
                keys.getPublic(),
                notBefore,
                notAfter);
    }

    private static void addCaExtensions(X509v3CertificateBuilder builder) {
        X509Factory.add(builder, Extension.basicConstraints, true, new BasicConstraints(true));
        X509Factory.add(builder, Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
    }

    private static void addLeafExtensions(X509v3CertificateBuilder builder, LeafSpec spec) {
        X509Factory.add(builder, Extension.basicConstraints, true, new BasicConstraints(false));
        // digitalSignature is what ECDHE_ECDSA (TLS 1.2) and TLS 1.3 CertificateVerify need.
        X509Factory.add(builder, Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        X509Factory.add(
                builder, Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        GeneralName[] names =
                new GeneralName[spec.dnsNames().size() + spec.ipAddresses().size()];
        int i = 0;
        for (String dns : spec.dnsNames()) {
            names[i++] = new GeneralName(GeneralName.dNSName, dns);
        }
        for (String ip : spec.ipAddresses()) {
            names[i++] = new GeneralName(GeneralName.iPAddress, ip);
        }
        if (names.length > 0) {
            X509Factory.add(builder, Extension.subjectAlternativeName, false, new GeneralNames(names));
        }
        AuthorityInformationAccess aia = authorityInformationAccess(spec);
        if (aia != null) {
            X509Factory.add(builder, Extension.authorityInfoAccess, false, aia);
        }
        if (spec.mustStaple()) {
            // RFC 7633 section 4.1: SHOULD NOT be critical, so non-supporting clients still connect.
            ASN1Encodable features = new DERSequence(new ASN1Integer(STATUS_REQUEST));
            X509Factory.add(builder, new ASN1ObjectIdentifier(TLS_FEATURE_OID), false, features);
        }
    }

    private static AuthorityInformationAccess authorityInformationAccess(LeafSpec spec) {
        List<AccessDescription> methods = new ArrayList<>();
        if (spec.ocspUrl() != null) {
            methods.add(new AccessDescription(
                    AccessDescription.id_ad_ocsp,
                    new GeneralName(GeneralName.uniformResourceIdentifier, spec.ocspUrl())));
        }
        if (spec.caIssuersUrl() != null) {
            methods.add(new AccessDescription(
                    AccessDescription.id_ad_caIssuers,
                    new GeneralName(GeneralName.uniformResourceIdentifier, spec.caIssuersUrl())));
        }
        return methods.isEmpty() ? null : new AuthorityInformationAccess(methods.toArray(AccessDescription[]::new));
    }
}
