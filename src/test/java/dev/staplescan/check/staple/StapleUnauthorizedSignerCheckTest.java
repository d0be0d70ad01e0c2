package dev.staplescan.check.staple;

import static dev.staplescan.check.Scenario.CA;
import static dev.staplescan.check.Scenario.STRANGER_CA;
import static dev.staplescan.check.Scenario.chainOf;
import static dev.staplescan.check.Scenario.leaf;
import static dev.staplescan.check.Scenario.spec;
import static dev.staplescan.check.Scenario.staple;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.staplescan.check.Scenario;
import dev.staplescan.lab.pki.IssuedCert;
import dev.staplescan.scan.TlsVersion;
import java.util.List;
import org.junit.jupiter.api.Test;

class StapleUnauthorizedSignerCheckTest {

    private final StapleUnauthorizedSignerCheck check = new StapleUnauthorizedSignerCheck();

    private List<String> messages(IssuedCert leaf, byte[] staple) {
        return Scenario.endpoint()
                .handshake(TlsVersion.TLS_1_3, chainOf(leaf), staple)
                .messages(check);
    }

    @Test
    void firesForAStrangerThatIncludesItsCertificate() {
        // given a staple signed by another CA, which includes its own certificate
        IssuedCert leaf = leaf();
        byte[] s = staple(spec(leaf)
                .signedBy(STRANGER_CA.certificate(), STRANGER_CA.privateKey(), List.of(STRANGER_CA.certificate())));
        // when
        List<String> messages = messages(leaf, s);
        // then
        assertEquals(1, messages.size());
        assertTrue(
                messages.get(0).contains("Stranger CA") && messages.get(0).contains("not issued by"), messages.get(0));
    }

    @Test
    void firesForAStrangerThatIncludesNoCertificate() {
        IssuedCert leaf = leaf();
        byte[] s = staple(spec(leaf).signedBy(STRANGER_CA.certificate(), STRANGER_CA.privateKey(), List.of()));
        assertTrue(messages(leaf, s).get(0).contains("unknown responder"));
    }

    @Test
    void firesForADelegateWithoutTheOcspSigningEku() {
        // given a certificate issued by the right CA, but a TLS certificate, not an OCSP signer
        IssuedCert leaf = leaf();
        IssuedCert notASigner = CA.delegatedResponder("Not An OCSP Signer", false);
        byte[] s = staple(spec(leaf)
                .signedBy(notASigner.certificate(), notASigner.privateKey(), List.of(notASigner.certificate())));
        // when / then
        assertTrue(messages(leaf, s).get(0).contains("id-kp-OCSPSigning"));
    }

    @Test
    void doesNotFireForAProperDelegatedResponder() {
        // given a delegate issued by the issuer with id-kp-OCSPSigning (the near miss of the case above)
        IssuedCert leaf = leaf();
        IssuedCert responder = CA.delegatedResponder("Scenario OCSP Responder", true);
        byte[] s = staple(
                spec(leaf).signedBy(responder.certificate(), responder.privateKey(), List.of(responder.certificate())));
        // when / then
        assertEquals(List.of(), messages(leaf, s));
    }
}
