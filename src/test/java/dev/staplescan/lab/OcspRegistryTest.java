package dev.staplescan.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.staplescan.lab.pki.CertStatus;
import dev.staplescan.lab.pki.CertificateAuthority;
import dev.staplescan.lab.pki.IssuedCert;
import dev.staplescan.lab.pki.LeafSpec;
import dev.staplescan.lab.pki.OcspResponses;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.junit.jupiter.api.Test;

class OcspRegistryTest {

    private static final CertificateAuthority ROOT = CertificateAuthority.root("Registry Root");
    private static final CertificateAuthority CA = ROOT.intermediate("Registry CA");

    @Test
    void answersRegisteredStatusSignedByIssuer() throws Exception {
        OcspRegistry registry = new OcspRegistry();
        IssuedCert leaf = CA.issue(LeafSpec.forName("r.example.test"));
        Instant revokedAt = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        registry.register(leaf, CertStatus.REVOKED, revokedAt);

        BasicOCSPResp basic = basic(registry.answer(request(leaf, false)));

        assertTrue(basic.isSignatureValid(
                new JcaContentVerifierProviderBuilder().build(CA.certificate().getPublicKey())));
        SingleResp single = basic.getResponses()[0];
        assertEquals(leaf.certificate().getSerialNumber(), single.getCertID().getSerialNumber());
        assertEquals(
                revokedAt,
                assertInstanceOf(RevokedStatus.class, single.getCertStatus())
                        .getRevocationTime()
                        .toInstant());
        assertTrue(single.getThisUpdate().toInstant().isBefore(Instant.now()));
        assertTrue(single.getNextUpdate().toInstant().isAfter(Instant.now()));
    }

    @Test
    void goodStatusAndSha256CertIdEchoed() throws Exception {
        OcspRegistry registry = new OcspRegistry();
        IssuedCert leaf = CA.issue(LeafSpec.forName("g.example.test"));
        registry.register(leaf, CertStatus.GOOD, null);

        SingleResp single = basic(registry.answer(request(leaf, true))).getResponses()[0];

        assertNull(single.getCertStatus());
        assertEquals(
                "2.16.840.1.101.3.4.2.1", single.getCertID().getHashAlgOID().getId());
    }

    @Test
    void unregisteredSerialOfKnownIssuerIsUnknown() throws Exception {
        OcspRegistry registry = new OcspRegistry();
        registry.addIssuer(CA);
        IssuedCert leaf = CA.issue(LeafSpec.forName("u.example.test"));

        SingleResp single = basic(registry.answer(request(leaf, false))).getResponses()[0];

        assertInstanceOf(UnknownStatus.class, single.getCertStatus());
    }

    @Test
    void foreignIssuerIsUnauthorized() throws Exception {
        OcspRegistry registry = new OcspRegistry();
        registry.addIssuer(CA);
        IssuedCert foreign = ROOT.intermediate("Other CA").issue(LeafSpec.forName("f.example.test"));

        assertEquals(OCSPResp.UNAUTHORIZED, new OCSPResp(registry.answer(request(foreign, false))).getStatus());
    }

    @Test
    void garbageIsMalformedRequest() throws Exception {
        OcspRegistry registry = new OcspRegistry();

        assertEquals(OCSPResp.MALFORMED_REQUEST, new OCSPResp(registry.answer(new byte[] {1, 2, 3})).getStatus());
        assertEquals(OCSPResp.MALFORMED_REQUEST, new OCSPResp(registry.answer(new byte[0])).getStatus());
    }

    static byte[] request(IssuedCert leaf, boolean sha256) throws Exception {
        CertificateID id = OcspResponses.certificateId(leaf.issuer().certificate(), leaf.certificate(), sha256);
        return new OCSPReqBuilder().addRequest(id).build().getEncoded();
    }

    private static BasicOCSPResp basic(byte[] der) throws Exception {
        OCSPResp resp = new OCSPResp(der);
        assertEquals(OCSPResp.SUCCESSFUL, resp.getStatus());
        return (BasicOCSPResp) resp.getResponseObject();
    }
}
