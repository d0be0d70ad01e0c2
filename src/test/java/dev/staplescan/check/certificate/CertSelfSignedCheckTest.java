package dev.staplescan.check.certificate;

import static dev.staplescan.check.Scenario.der;
import static dev.staplescan.check.Scenario.leafSpec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.staplescan.check.ChainStatus;
import dev.staplescan.check.Policy;
import dev.staplescan.check.Scenario;
import dev.staplescan.check.TrustAnchors;
import dev.staplescan.lab.pki.CertificateAuthority;
import dev.staplescan.lab.pki.IssuedCert;
import dev.staplescan.scan.TlsVersion;
import java.util.List;
import org.junit.jupiter.api.Test;

class CertSelfSignedCheckTest {

    private final CertSelfSignedCheck check = new CertSelfSignedCheck();

    @Test
    void firesForASelfSignedLeaf() {
        // given
        IssuedCert self = CertificateAuthority.selfSigned(leafSpec());
        // when
        List<String> messages = Scenario.endpoint()
                .handshake(TlsVersion.TLS_1_3, der(self.certificate()), null)
                .messages(check);
        // then
        assertEquals(1, messages.size());
        assertTrue(messages.get(0).contains("self-signed"), messages.get(0));
    }

    @Test
    void doesNotFireWhenTheSelfSignedLeafIsATrustAnchor() {
        // given the same kind of leaf, passed with --trust
        IssuedCert self = CertificateAuthority.selfSigned(leafSpec());
        Scenario s = Scenario.endpoint().handshake(TlsVersion.TLS_1_3, der(self.certificate()), null);
        TrustAnchors anchors = TrustAnchors.of(self.certificate());
        // when / then: no finding, because the chain is simply trusted
        assertEquals(List.of(), s.messages(check, Policy.defaults(), anchors));
        assertEquals(
                ChainStatus.TRUSTED,
                s.evidence(Policy.defaults(), anchors).chains().get(0).status());
    }
}
