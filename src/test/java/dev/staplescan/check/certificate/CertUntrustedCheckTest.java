package dev.staplescan.check.certificate;

import static dev.staplescan.check.Scenario.CA;
import static dev.staplescan.check.Scenario.ROOT;
import static dev.staplescan.check.Scenario.STRANGER_CA;
import static dev.staplescan.check.Scenario.STRANGER_ROOT;
import static dev.staplescan.check.Scenario.chainOf;
import static dev.staplescan.check.Scenario.der;
import static dev.staplescan.check.Scenario.leaf;
import static dev.staplescan.check.Scenario.leafSpec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.staplescan.check.Scenario;
import dev.staplescan.lab.pki.CertificateAuthority;
import dev.staplescan.lab.pki.IssuedCert;
import dev.staplescan.scan.TlsVersion;
import java.util.List;
import org.junit.jupiter.api.Test;

class CertUntrustedCheckTest {

    private final CertUntrustedCheck check = new CertUntrustedCheck();

    private static Scenario presenting(List<byte[]> chain) {
        return Scenario.endpoint().handshake(TlsVersion.TLS_1_3, chain, null);
    }

    @Test
    void firesForACompleteChainFromAnUnknownRoot() {
        // given leaf + intermediate from a root we do not trust
        Scenario s = presenting(chainOf(STRANGER_CA.issue(leafSpec())));
        // when
        List<String> messages = s.messages(check);
        // then the message names where the chain ends
        assertEquals(1, messages.size());
        assertTrue(messages.get(0).contains("Stranger Root"), messages.get(0));
    }

    @Test
    void firesWhenTheServerSendsAnUntrustedRoot() {
        IssuedCert leaf = STRANGER_CA.issue(leafSpec());
        Scenario s = presenting(der(leaf.certificate(), STRANGER_CA.certificate(), STRANGER_ROOT.certificate()));
        assertTrue(s.messages(check).get(0).contains("ends at root"));
    }

    @Test
    void doesNotFireForATrustedChainEvenMisorderedWithTheRootIncluded() {
        // given a trusted chain sent as leaf, root, intermediate
        IssuedCert leaf = leaf();
        // when / then
        assertEquals(
                List.of(),
                presenting(der(leaf.certificate(), ROOT.certificate(), CA.certificate()))
                        .messages(check));
        assertEquals(List.of(), presenting(chainOf(leaf)).messages(check));
    }

    @Test
    void doesNotFireForSelfSignedOrIncompleteChainsWhichHaveTheirOwnCodes() {
        assertEquals(
                List.of(),
                presenting(der(CertificateAuthority.selfSigned(leafSpec()).certificate()))
                        .messages(check));
        assertEquals(List.of(), presenting(der(leaf().certificate())).messages(check));
    }
}
