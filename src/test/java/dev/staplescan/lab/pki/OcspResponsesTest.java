package dev.staplescan.lab.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.asn1.ocsp.ResponderID;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.bc.BcDigestCalculatorProvider;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.junit.jupiter.api.Test;

class OcspResponsesTest {

    private static final CertificateAuthority ROOT = CertificateAuthority.root("OCSP Test Root");
    private static final CertificateAuthority CA = ROOT.intermediate("OCSP Test CA");
    private static final IssuedCert LEAF =
            CA.issue(LeafSpec.forName("leaf.example.test").withOcspUrl("http://127.0.0.1:9/"));

    @Test
    void goodResponseParsesVerifiesWithIssuerAndMatchesLeaf() throws Exception {
        byte[] der = OcspResponses.build(OcspSpec.good(LEAF));

        OCSPResp resp = new OCSPResp(der);
        assertEquals(OCSPResp.SUCCESSFUL, resp.getStatus());
        BasicOCSPResp basic = (BasicOCSPResp) resp.getResponseObject();
        assertTrue(basic.isSignatureValid(verifier(CA.certificate())));
        assertEquals(0, basic.getCerts().length);
        SingleResp single = basic.getResponses()[0];
        CertificateID id = single.getCertID();
        assertEquals(CertificateID.HASH_SHA1.getAlgorithm(), id.getHashAlgOID());
        assertTrue(id.matchesIssuer(new JcaX509CertificateHolder(CA.certificate()), new BcDigestCalculatorProvider()));
        assertEquals(LEAF.certificate().getSerialNumber(), id.getSerialNumber());
        assertNull(single.getCertStatus(), "GOOD is encoded as null by bcpkix");
        Instant now = Instant.now();
        assertTrue(single.getThisUpdate().toInstant().isBefore(now.minus(Duration.ofMinutes(59))));
        assertTrue(single.getNextUpdate().toInstant().isAfter(now.plus(Duration.ofDays(2))));
    }

    @Test
    void responderIdIsKeyHashOfSigner() throws Exception {
        BasicOCSPResp basic = basic(OcspResponses.build(OcspSpec.good(LEAF)));

        ResponderID rid = basic.getResponderId().toASN1Primitive();
        assertNull(rid.getName(), "by-key, not by-name");
        SubjectPublicKeyInfo key =
                SubjectPublicKeyInfo.getInstance(CA.certificate().getPublicKey().getEncoded());
        byte[] expected =
                MessageDigest.getInstance("SHA-1").digest(key.getPublicKeyData().getBytes());
        assertTrue(Arrays.equals(expected, rid.getKeyHash()));
    }

    @Test
    void doesNotVerifyWithAnotherKey() throws Exception {
        BasicOCSPResp basic = basic(OcspResponses.build(OcspSpec.good(LEAF)));

        assertFalse(basic.isSignatureValid(verifier(ROOT.certificate())));
    }

    @Test
    void revokedCarriesTime() throws Exception {
        Instant when = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

        SingleResp single = basic(OcspResponses.build(OcspSpec.good(LEAF).withStatus(CertStatus.REVOKED, when)))
                .getResponses()[0];

        RevokedStatus revoked = assertInstanceOf(RevokedStatus.class, single.getCertStatus());
        assertEquals(when, revoked.getRevocationTime().toInstant());
    }

    @Test
    void unknownStatus() throws Exception {
        SingleResp single = basic(OcspResponses.build(OcspSpec.good(LEAF).withStatus(CertStatus.UNKNOWN, null)))
                .getResponses()[0];

        assertInstanceOf(UnknownStatus.class, single.getCertStatus());
    }

    @Test
    void timesAndOmittedNextUpdate() throws Exception {
        Instant thisUpdate = Instant.now().minus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

        SingleResp single = basic(OcspResponses.build(OcspSpec.good(LEAF).withTimes(thisUpdate, null)))
                .getResponses()[0];

        assertEquals(thisUpdate, single.getThisUpdate().toInstant());
        assertNull(single.getNextUpdate());
    }

    @Test
    void sha256CertId() throws Exception {
        CertificateID id = basic(OcspResponses.build(OcspSpec.good(LEAF).withSha256CertId(true)))
                .getResponses()[0]
                .getCertID();

        assertEquals("2.16.840.1.101.3.4.2.1", id.getHashAlgOID().getId());
        assertTrue(id.matchesIssuer(new JcaX509CertificateHolder(CA.certificate()), new BcDigestCalculatorProvider()));
    }

    @Test
    void delegatedSignerIsIncludedAndVerifies() throws Exception {
        IssuedCert responder = CA.delegatedResponder("Delegated", true);

        BasicOCSPResp basic = basic(OcspResponses.build(OcspSpec.good(LEAF)
                .signedBy(responder.certificate(), responder.privateKey(), List.of(responder.certificate()))));

        assertEquals(1, basic.getCerts().length);
        assertTrue(basic.isSignatureValid(verifier(responder.certificate())));
        assertFalse(basic.isSignatureValid(verifier(CA.certificate())));
    }

    @Test
    void errorHasStatusAndNoBytes() throws Exception {
        OCSPResp resp = new OCSPResp(OcspResponses.error(3));

        assertEquals(OCSPResp.TRY_LATER, resp.getStatus());
        assertNull(resp.getResponseObject());
        assertThrows(IllegalArgumentException.class, () -> OcspResponses.error(0));
    }

    @Test
    void goodRejectsSelfSigned() {
        IssuedCert self = CertificateAuthority.selfSigned(LeafSpec.forName("s.example.test"));

        assertThrows(IllegalArgumentException.class, () -> OcspSpec.good(self));
    }

    private static BasicOCSPResp basic(byte[] der) throws Exception {
        return (BasicOCSPResp) new OCSPResp(der).getResponseObject();
    }

    private static ContentVerifierProvider verifier(X509Certificate cert) throws Exception {
        return new JcaContentVerifierProviderBuilder().build(cert.getPublicKey());
    }
}
