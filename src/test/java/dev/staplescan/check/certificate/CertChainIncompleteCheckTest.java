package dev.staplescan.check.certificate;

import static dev.staplescan.check.Scenario.CA;
import static dev.staplescan.check.Scenario.ROOT;
import static dev.staplescan.check.Scenario.chainOf;
import static dev.staplescan.check.Scenario.der;
import static dev.staplescan.check.Scenario.leaf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.staplescan.check.Policy;
import dev.staplescan.check.Scenario;
import dev.staplescan.check.TrustAnchors;
import dev.staplescan.lab.pki.IssuedCert;
import dev.staplescan.scan.TlsVersion;
import java.util.List;
import org.junit.jupiter.api.Test;

class CertChainIncompleteCheckTest {

    private final CertChainIncompleteCheck check = new CertChainIncompleteCheck();

    @Test
    void firesWhenTheIntermediateIsNotSent() {
        // given only the leaf; its issuer is an intermediate the anchors do not hold
        IssuedCert leaf = leaf();
        // when
        List<String> messages = Scenario.endpoint()
                .handshake(TlsVersion.TLS_1_3, der(leaf.certificate()), null)
                .messages(check);
        // then the message names the missing issuer
        assertEquals(1, messages.size());
        assertTrue(messages.get(0).contains("Scenario Issuing CA"), messages.get(0));
    }

    @Test
    void doesNotFireWhenTheIntermediateIsSent() {
        assertEquals(
                List.of(),
                Scenario.endpoint()
                        .handshake(TlsVersion.TLS_1_3, chainOf(leaf()), null)
                        .messages(check));
    }

    @Test
    void doesNotFireWhenTheMissingIntermediateIsATrustAnchor() {
        // given only the leaf, but the intermediate is among the --trust certificates
        Scenario s = Scenario.endpoint().handshake(TlsVersion.TLS_1_3, der(leaf().certificate()), null);
        // when / then
        assertEquals(
                List.of(), s.messages(check, Policy.defaults(), TrustAnchors.of(ROOT.certificate(), CA.certificate())));
    }
}
