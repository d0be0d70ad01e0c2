package dev.staplescan.check.responder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.staplescan.check.Scenario;
import dev.staplescan.lab.pki.CertStatus;
import dev.staplescan.lab.pki.IssuedCert;
import dev.staplescan.scan.TlsVersion;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class OcspResponderDisagreesCheckTest {

    private final OcspResponderDisagreesCheck check = new OcspResponderDisagreesCheck();
    private final IssuedCert leaf = Scenario.leaf();
    private final byte[] revoked = Scenario.staple(
            Scenario.spec(leaf).withStatus(CertStatus.REVOKED, Scenario.NOW.minus(Duration.ofHours(2))));

    private List<String> messages(byte[] staple, byte[] live) {
        return Scenario.endpoint()
                .handshake(TlsVersion.TLS_1_3, Scenario.chainOf(leaf), staple)
                .answer(Scenario.live(leaf, live, 40))
                .messages(check);
    }

    @Test
    void firesWhenTheStapleSaysGoodAndTheResponderRevoked() {
        List<String> m = messages(Scenario.goodStaple(leaf), revoked);

        assertEquals(1, m.size());
        assertTrue(m.get(0).contains("the staple says good") && m.get(0).contains("says revoked"), m.get(0));
    }

    @Test
    void firesForAnExpiredStapleThatContradictsTheResponder() {
        byte[] expiredGood = Scenario.staple(Scenario.spec(leaf)
                .withTimes(Scenario.NOW.minus(Duration.ofDays(5)), Scenario.NOW.minus(Duration.ofDays(1))));

        assertEquals(1, messages(expiredGood, revoked).size());
    }

    @Test
    void nearMissAgreementAForgedStapleOrNoStapleIsNotADisagreement() {
        assertEquals(List.of(), messages(revoked, revoked));
        byte[] forgedGood = Scenario.staple(Scenario.spec(leaf)
                .signedBy(Scenario.STRANGER_CA.certificate(), Scenario.STRANGER_CA.privateKey(), List.of()));
        assertEquals(List.of(), messages(forgedGood, revoked));
        assertEquals(List.of(), messages(null, revoked));
    }

    @Test
    void nearMissAnUnusableLiveAnswerIsNotCompared() {
        assertEquals(List.of(), messages(Scenario.goodStaple(leaf), new byte[] {1, 2, 3}));
    }
}
