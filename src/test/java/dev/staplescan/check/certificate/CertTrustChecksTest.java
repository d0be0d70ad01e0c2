package dev.staplescan.check.certificate;

import static dev.staplescan.check.Scenario.CA;
import static dev.staplescan.check.Scenario.ROOT;
import static dev.staplescan.check.Scenario.chainOf;
import static dev.staplescan.check.Scenario.der;
import static dev.staplescan.check.Scenario.leaf;
import static dev.staplescan.check.Scenario.leafSpec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.staplescan.check.Check;
import dev.staplescan.check.Scenario;
import dev.staplescan.lab.pki.CertificateAuthority;
import dev.staplescan.lab.pki.IssuedCert;
import dev.staplescan.scan.TlsVersion;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CERT_UNTRUSTED, CERT_SELF_SIGNED and CERT_CHAIN_INCOMPLETE share one classification of the
 * chain, so their fire / near-miss tests sit together: each case must fire exactly its own code.
 */
class CertTrustChecksTest {

    private static final CertificateAuthority STRANGER_ROOT = CertificateAuthority.root("Stranger Root");
    private static final CertificateAuthority STRANGER_CA = STRANGER_ROOT.intermediate("Stranger CA");

    private final Check untrusted = new CertUntrustedCheck();
    private final Check selfSigned = new CertSelfSignedCheck();
    private final Check incomplete = new CertChainIncompleteCheck();

    private static Scenario presenting(List<byte[]> chain) {
        return Scenario.endpoint().handshake(TlsVersion.TLS_1_3, chain, null);
    }

    @Test
    void untrustedFiresForAChainFromAnUnknownRoot() {
        // given a complete chain (leaf + intermediate) from a root we do not trust
        Scenario s = presenting(chainOf(STRANGER_CA.issue(leafSpec())));
        // when / then
        List<String> messages = s.messages(untrusted);
        assertEquals(1, messages.size());
        assertTrue(messages.get(0).contains("Stranger Root"), messages.get(0));
        assertEquals(List.of(), s.messages(incomplete));
        assertEquals(List.of(), s.messages(selfSigned));
    }

    @Test
    void untrustedFiresWhenTheServerSendsAnUntrustedRoot() {
        IssuedCert leaf = STRANGER_CA.issue(leafSpec());
        Scenario s = presenting(der(leaf.certificate(), STRANGER_CA.certificate(), STRANGER_ROOT.certificate()));
        assertEquals(1, s.messages(untrusted).size());
    }

    @Test
    void nothingFiresForAGoodChainEvenMisordered() {
        // given the intermediate before the leaf's own position is fine: it is a near miss for all three
        IssuedCert leaf = leaf();
        Scenario ordered = presenting(chainOf(leaf));
        Scenario withRoot = presenting(der(leaf.certificate(), ROOT.certificate(), CA.certificate()));
        // when / then
        for (Scenario s : List.of(ordered, withRoot)) {
            assertEquals(List.of(), s.messages(untrusted));
            assertEquals(List.of(), s.messages(selfSigned));
            assertEquals(List.of(), s.messages(incomplete));
        }
    }

    @Test
    void selfSignedFiresForASelfSignedLeaf() {
        // given
        IssuedCert self = CertificateAuthority.selfSigned(leafSpec());
        Scenario s = presenting(der(self.certificate()));
        // when / then
        assertEquals(1, s.messages(selfSigned).size());
        assertEquals(List.of(), s.messages(untrusted));
        assertEquals(List.of(), s.messages(incomplete));
    }

    @Test
    void selfSignedDoesNotFireWhenTheLeafIsItselfATrustAnchor() {
        // given the self-signed leaf passed with --trust
        IssuedCert self = CertificateAuthority.selfSigned(leafSpec());
        Scenario s = presenting(der(self.certificate()));
        dev.staplescan.check.TrustAnchors anchors = dev.staplescan.check.TrustAnchors.of(self.certificate());
        // when
        List<String> out = new java.util.ArrayList<>();
        selfSigned.evaluate(dev.staplescan.check.Evidence.of(s.observation(), Scenario.NOW,
                dev.staplescan.check.Policy.defaults(), anchors), dev.staplescan.check.Policy.defaults(), out::add);
        // then
        assertEquals(List.of(), out);
    }

    @Test
    void incompleteFiresWhenTheIntermediateIsMissing() {
        // given only the leaf, whose issuer is an intermediate the anchors do not hold
        IssuedCert leaf = leaf();
        Scenario s = presenting(der(leaf.certificate()));
        // when / then
        List<String> messages = s.messages(incomplete);
        assertEquals(1, messages.size());
        assertTrue(messages.get(0).contains("Scenario Issuing CA"), messages.get(0));
        assertEquals(List.of(), s.messages(untrusted));
    }
}
