package dev.staplescan.ocsp;

import static dev.staplescan.check.Scenario.CA;
import static dev.staplescan.check.Scenario.NOW;
import static dev.staplescan.check.Scenario.goodStaple;
import static dev.staplescan.check.Scenario.leaf;
import static dev.staplescan.check.Scenario.spec;
import static dev.staplescan.check.Scenario.staple;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.staplescan.lab.pki.CertStatus;
import dev.staplescan.lab.pki.CertificateAuthority;
import dev.staplescan.lab.pki.IssuedCert;
import dev.staplescan.lab.pki.OcspResponses;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StapleVerifierTest {

    private static final Duration SKEW = Duration.ofMinutes(5);

    private static StapleVerification verify(byte[] staple, IssuedCert leaf, Issuer issuer) {
        return StapleVerifier.verify(staple, leaf.certificate(), issuer, NOW, SKEW);
    }

    private static Issuer fromChain(IssuedCert leaf) {
        return new Issuer(leaf.issuer().certificate(), IssuerSource.CHAIN);
    }

    @Test
    void aGoodStapleIsTrustworthyWithEveryFactRecorded() {
        // given
        IssuedCert leaf = leaf();
        // when
        StapleVerification v = verify(goodStaple(leaf), leaf, fromChain(leaf));
        // then
        assertTrue(v.trustworthy());
        assertEquals(ResponseStatus.SUCCESSFUL, v.responseStatus());
        assertEquals(SignatureStatus.VALID, v.signer().signature());
        assertEquals(SignerAuthority.ISSUER, v.signer().authority());
        assertTrue(v.signer().signerSubject().contains("Scenario Issuing CA"));
        assertTrue(v.signer().responderId().startsWith("byKey: "));
        assertEquals(CertIdMatch.MATCH, v.single().match());
        assertEquals("SHA-1", v.single().hashAlgorithm());
        assertEquals(List.of(leaf.certificate().getSerialNumber()), v.single().respondedSerials());
        assertEquals(RevocationStatus.GOOD, v.single().status());
        assertEquals(RevocationReason.NOT_REVOKED, v.single().revocationReason());
        assertEquals(NOW.minus(Duration.ofHours(1)), v.single().thisUpdate());
        assertEquals(NOW.plus(Duration.ofDays(3)), v.single().nextUpdate());
        assertEquals(TimeValidity.CURRENT, v.single().validity());
    }

    @Test
    void aSha256CertIdMatches() {
        IssuedCert leaf = leaf();
        StapleVerification v = verify(staple(spec(leaf).withSha256CertId(true)), leaf, fromChain(leaf));
        assertEquals(CertIdMatch.MATCH, v.single().match());
        assertEquals("SHA-256", v.single().hashAlgorithm());
    }

    @Test
    void aDelegatedResponderIsAuthorizedAndItsNoCheckIsRecorded() {
        IssuedCert leaf = leaf();
        IssuedCert responder = CA.delegatedResponder("Verifier Test Responder", true);
        byte[] s = staple(
                spec(leaf).signedBy(responder.certificate(), responder.privateKey(), List.of(responder.certificate())));
        StapleVerification v = verify(s, leaf, fromChain(leaf));
        assertEquals(SignerAuthority.DELEGATED, v.signer().authority());
        assertTrue(v.signer().noCheck());
        assertTrue(v.trustworthy());
    }

    @Test
    void aDelegateOutsideItsValidityIsNotAuthorized() {
        // given a delegate valid for one year, judged two years later
        IssuedCert leaf = leaf();
        IssuedCert responder = CA.delegatedResponder("Short-lived Responder", true);
        byte[] s = staple(
                spec(leaf).signedBy(responder.certificate(), responder.privateKey(), List.of(responder.certificate())));
        // when
        StapleVerification v =
                StapleVerifier.verify(s, leaf.certificate(), fromChain(leaf), NOW.plus(Duration.ofDays(730)), SKEW);
        // then
        assertEquals(SignerAuthority.DELEGATE_OUTSIDE_VALIDITY, v.signer().authority());
    }

    @Test
    void revokedCarriesTimeAndReason() {
        IssuedCert leaf = leaf();
        Instant when = NOW.minus(Duration.ofDays(2));
        StapleVerification v = verify(staple(spec(leaf).withStatus(CertStatus.REVOKED, when)), leaf, fromChain(leaf));
        assertEquals(RevocationStatus.REVOKED, v.single().status());
        assertEquals(when, v.single().revocationTime());
        assertEquals(RevocationReason.KEY_COMPROMISE, v.single().revocationReason());
    }

    @Test
    void anUnknownIssuerIsSaidExplicitly() {
        // given no issuer (incomplete chain, not among the anchors)
        IssuedCert leaf = leaf();
        // when
        StapleVerification v = verify(goodStaple(leaf), leaf, Issuer.notFound());
        // then nothing silently null: each part says it could not tell
        assertEquals(IssuerSource.NOT_FOUND, v.signer().issuerSource());
        assertEquals(SignatureStatus.NOT_CHECKED, v.signer().signature());
        assertEquals(SignerAuthority.NOT_CHECKED, v.signer().authority());
        assertEquals(CertIdMatch.SERIAL_ONLY, v.single().match());
        assertEquals(RevocationStatus.GOOD, v.single().status());
        assertFalse(v.trustworthy());
    }

    @Test
    void theIssuerOfAnIncompleteChainIsFoundAmongTheAnchors() {
        // given only the leaf was sent, and the intermediate is a trust anchor
        IssuedCert leaf = leaf();
        // when
        Issuer issuer =
                IssuerLocator.locate(leaf.certificate(), List.of(leaf.certificate()), List.of(CA.certificate()));
        // then
        assertEquals(IssuerSource.TRUST_ANCHOR, issuer.source());
        assertTrue(verify(goodStaple(leaf), leaf, issuer).trustworthy());
    }

    @Test
    void aSameNamedCertificateWithAnotherKeyIsNotTheIssuer() {
        // given a CA certificate with the issuing CA's exact name but another key
        IssuedCert leaf = leaf();
        CertificateAuthority impostor = CertificateAuthority.root("Scenario Issuing CA");
        // when / then
        assertEquals(
                IssuerSource.NOT_FOUND,
                IssuerLocator.locate(leaf.certificate(), List.of(leaf.certificate(), impostor.certificate()), List.of())
                        .source());
    }

    @Test
    void anErrorResponseHasNoContentToCheck() {
        IssuedCert leaf = leaf();
        StapleVerification v = verify(OcspResponses.error(6), leaf, fromChain(leaf));
        assertEquals(ParseStatus.PARSED, v.parse());
        assertEquals(ResponseStatus.UNAUTHORIZED, v.responseStatus());
        assertEquals(SignatureStatus.NOT_CHECKED, v.signer().signature());
        assertEquals(CertIdMatch.NOT_CHECKED, v.single().match());
        assertEquals(TimeValidity.NOT_APPLICABLE, v.single().validity());
    }

    @Test
    void garbageIsMalformedWithADetail() {
        IssuedCert leaf = leaf();
        StapleVerification v = verify(new byte[] {0x30, 0x03, 0x0a, 0x01}, leaf, fromChain(leaf));
        assertEquals(ParseStatus.MALFORMED, v.parse());
        assertEquals(ResponseStatus.NOT_PARSED, v.responseStatus());
        assertFalse(v.parseDetail().isEmpty());
    }
}
