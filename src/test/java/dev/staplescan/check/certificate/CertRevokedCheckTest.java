package dev.staplescan.check.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.staplescan.check.Scenario;
import dev.staplescan.lab.pki.CertStatus;
import dev.staplescan.lab.pki.IssuedCert;
import dev.staplescan.scan.TlsVersion;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CertRevokedCheckTest {

    private final CertRevokedCheck check = new CertRevokedCheck();
    private final IssuedCert leaf = Scenario.leaf();

    private byte[] revoked() {
        return Scenario.staple(
                Scenario.spec(leaf).withStatus(CertStatus.REVOKED, Scenario.NOW.minus(Duration.ofDays(1))));
    }

    @Test
    void firesWhenTheResponderSaysRevokedEvenWithoutAStaple() {
        List<String> m = Scenario.endpoint()
                .handshake(TlsVersion.TLS_1_3, Scenario.chainOf(leaf), null)
                .answer(Scenario.live(leaf, revoked(), 30))
                .messages(check);

        assertEquals(1, m.size());
        assertTrue(m.get(0).contains("was revoked at") && m.get(0).contains("keyCompromise"), m.get(0));
    }

    @Test
    void nearMissAGoodLiveAnswerOrOnlyARevokedStapleOrAForgedRevocation() {
        assertEquals(
                List.of(),
                Scenario.endpoint()
                        .handshake(TlsVersion.TLS_1_3, Scenario.chainOf(leaf), revoked())
                        .answer(Scenario.live(leaf, Scenario.goodStaple(leaf), 30))
                        .messages(check));
        assertEquals(
                List.of(),
                Scenario.endpoint()
                        .handshake(TlsVersion.TLS_1_3, Scenario.chainOf(leaf), revoked())
                        .messages(check));
        byte[] forged = Scenario.staple(Scenario.spec(leaf)
                .withStatus(CertStatus.REVOKED, Scenario.NOW)
                .signedBy(Scenario.STRANGER_CA.certificate(), Scenario.STRANGER_CA.privateKey(), List.of()));
        assertEquals(
                List.of(),
                Scenario.endpoint()
                        .handshake(TlsVersion.TLS_1_3, Scenario.chainOf(leaf), null)
                        .answer(Scenario.live(leaf, forged, 30))
                        .messages(check));
    }
}
