package dev.staplescan.lab.pki;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SignatureException;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateAuthorityTest {

    private static final CertificateAuthority ROOT = CertificateAuthority.root("Test Root");
    private static final CertificateAuthority INTERMEDIATE = ROOT.intermediate("Test Intermediate");

    @Test
    void rootIsSelfSignedCaValidForTenYears() throws Exception {
        X509Certificate root = ROOT.certificate();

        root.verify(root.getPublicKey());
        assertEquals(root.getSubjectX500Principal(), root.getIssuerX500Principal());
        assertTrue(root.getBasicConstraints() >= 0, "basicConstraints CA");
        assertTrue(root.getKeyUsage()[5], "keyCertSign");
        assertTrue(root.getNotAfter().toInstant().isAfter(Instant.now().plus(3600, ChronoUnit.DAYS)));
        assertNull(ROOT.parent());
        assertEquals("EC", root.getPublicKey().getAlgorithm());
    }

    @Test
    void intermediateIsCaIssuedByRoot() throws Exception {
        X509Certificate cert = INTERMEDIATE.certificate();

        cert.verify(ROOT.certificate().getPublicKey());
        assertEquals(ROOT.certificate().getSubjectX500Principal(), cert.getIssuerX500Principal());
        assertTrue(cert.getBasicConstraints() >= 0);
        assertSame(ROOT, INTERMEDIATE.parent());
        assertTrue(cert.getSubjectX500Principal().getName().contains("CN=Test Intermediate"));
    }

    @Test
    void leafCarriesNamesValidityAndAccessUrls() throws Exception {
        Instant from = Instant.now().minus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Instant to = Instant.now().plus(5, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        LeafSpec spec = LeafSpec.forName("a.example.test")
                .withDnsNames("a.example.test", "b.example.test")
                .withIpAddresses("127.0.0.7")
                .withValidity(from, to)
                .withOcspUrl("http://127.0.0.1:1/ocsp")
                .withCaIssuersUrl("http://127.0.0.1:1/ca.cer");

        IssuedCert leaf = INTERMEDIATE.issue(spec);
        X509Certificate cert = leaf.certificate();

        cert.verify(INTERMEDIATE.certificate().getPublicKey());
        assertSame(INTERMEDIATE, leaf.issuer());
        assertEquals(-1, cert.getBasicConstraints(), "not a CA");
        assertEquals(List.of("a.example.test", "b.example.test", "127.0.0.7"), sanValues(cert));
        assertEquals(from, cert.getNotBefore().toInstant());
        assertEquals(to, cert.getNotAfter().toInstant());
        assertTrue(cert.getExtendedKeyUsage().contains("1.3.6.1.5.5.7.3.1"), "serverAuth");
        AuthorityInformationAccess aia =
                AuthorityInformationAccess.fromExtensions(new JcaX509CertificateHolder(cert).getExtensions());
        AccessDescription[] methods = aia.getAccessDescriptions();
        assertEquals(AccessDescription.id_ad_ocsp, methods[0].getAccessMethod());
        assertEquals(
                "http://127.0.0.1:1/ocsp",
                methods[0].getAccessLocation().getName().toString());
        assertEquals(AccessDescription.id_ad_caIssuers, methods[1].getAccessMethod());
        assertNull(cert.getExtensionValue(CertificateAuthority.TLS_FEATURE_OID));
    }

    @Test
    void defaultLeafHasNoOcspUrlAndNinetyDays() throws Exception {
        X509Certificate cert =
                INTERMEDIATE.issue(LeafSpec.forName("x.example.test")).certificate();

        assertNull(cert.getExtensionValue(Extension.authorityInfoAccess.getId()));
        assertEquals(List.of("x.example.test"), sanValues(cert));
        assertTrue(cert.getNotAfter().toInstant().isAfter(Instant.now().plus(89, ChronoUnit.DAYS)));
        assertTrue(cert.getNotBefore().toInstant().isBefore(Instant.now()));
    }

    @Test
    void mustStapleIsTlsFeatureWithStatusRequest() throws Exception {
        X509Certificate cert = INTERMEDIATE
                .issue(LeafSpec.forName("m.example.test").withMustStaple(true))
                .certificate();

        byte[] ext = cert.getExtensionValue(CertificateAuthority.TLS_FEATURE_OID);
        ASN1Sequence features =
                ASN1Sequence.getInstance(ASN1OctetString.getInstance(ext).getOctets());
        assertEquals(1, features.size());
        assertEquals(5, ASN1Integer.getInstance(features.getObjectAt(0)).intValueExact());
        assertTrue(!cert.getCriticalExtensionOIDs().contains(CertificateAuthority.TLS_FEATURE_OID));
    }

    @Test
    void delegatedResponderHasEkuOnlyWhenAsked() throws Exception {
        X509Certificate with =
                INTERMEDIATE.delegatedResponder("OCSP signer", true).certificate();
        X509Certificate without =
                INTERMEDIATE.delegatedResponder("Not a signer", false).certificate();

        with.verify(INTERMEDIATE.certificate().getPublicKey());
        assertEquals(List.of("1.3.6.1.5.5.7.3.9"), with.getExtendedKeyUsage());
        assertTrue(!without.getExtendedKeyUsage().contains("1.3.6.1.5.5.7.3.9"));
        String noCheck = OCSPObjectIdentifiers.id_pkix_ocsp_nocheck.getId();
        assertTrue(with.getExtensionValue(noCheck) != null && without.getExtensionValue(noCheck) != null);
    }

    @Test
    void selfSignedLeafVerifiesWithItsOwnKey() throws Exception {
        IssuedCert self = CertificateAuthority.selfSigned(LeafSpec.forName("self.example.test"));

        self.certificate().verify(self.certificate().getPublicKey());
        assertNull(self.issuer());
        assertEquals(-1, self.certificate().getBasicConstraints());
    }

    @Test
    void serialsDiffer() {
        IssuedCert a = INTERMEDIATE.issue(LeafSpec.forName("s.example.test"));
        IssuedCert b = INTERMEDIATE.issue(LeafSpec.forName("s.example.test"));

        assertTrue(!a.certificate().getSerialNumber().equals(b.certificate().getSerialNumber()));
        assertTrue(a.certificate().getSerialNumber().signum() > 0);
    }

    @Test
    void leafDoesNotVerifyUnderAnotherCa() {
        X509Certificate cert =
                INTERMEDIATE.issue(LeafSpec.forName("y.example.test")).certificate();

        assertThrows(
                SignatureException.class, () -> cert.verify(ROOT.certificate().getPublicKey()));
    }

    @Test
    void pemRoundTrips(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sub/bundle.pem");

        Pem.write(file, ROOT.certificate(), INTERMEDIATE.certificate());

        String text = Files.readString(file, StandardCharsets.US_ASCII);
        assertTrue(text.startsWith("-----BEGIN CERTIFICATE-----\n"));
        Collection<? extends Certificate> parsed = CertificateFactory.getInstance("X.509")
                .generateCertificates(new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)));
        List<byte[]> encoded = new ArrayList<>();
        for (Certificate c : parsed) {
            encoded.add(c.getEncoded());
        }
        assertEquals(2, encoded.size());
        assertArrayEquals(ROOT.certificate().getEncoded(), encoded.get(0));
        assertArrayEquals(INTERMEDIATE.certificate().getEncoded(), encoded.get(1));
    }

    private static List<String> sanValues(X509Certificate cert) throws Exception {
        List<String> values = new ArrayList<>();
        for (List<?> san : cert.getSubjectAlternativeNames()) {
            values.add((String) san.get(1));
        }
        return values;
    }
}
