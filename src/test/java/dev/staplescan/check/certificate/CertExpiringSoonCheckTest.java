package dev.staplescan.check.certificate;

import static dev.staplescan.check.Scenario.CA;
import static dev.staplescan.check.Scenario.NOW;
import static dev.staplescan.check.Scenario.chainOf;
import static dev.staplescan.check.Scenario.leafSpec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.staplescan.check.Policy;
import dev.staplescan.check.Scenario;
import dev.staplescan.check.Threshold;
import dev.staplescan.lab.pki.IssuedCert;
import dev.staplescan.scan.TlsVersion;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CertExpiringSoonCheckTest {

    private final CertExpiringSoonCheck check = new CertExpiringSoonCheck();

    private static Scenario expiringIn(Duration d) {
        IssuedCert leaf = CA.issue(leafSpec().withValidity(NOW.minus(Duration.ofDays(60)), NOW.plus(d)));
        return Scenario.endpoint().handshake(TlsVersion.TLS_1_3, chainOf(leaf), null);
    }

    @Test
    void firesTwentyDaysBeforeExpiryUnderTheDefault21Days() {
        // given / when
        List<String> messages = expiringIn(Duration.ofDays(20)).messages(check);
        // then
        assertEquals(1, messages.size());
        assertTrue(messages.get(0).contains("in 20d 0h"), messages.get(0));
    }

    @Test
    void doesNotFireTwentyTwoDaysBeforeExpiry() {
        assertEquals(List.of(), expiringIn(Duration.ofDays(22)).messages(check));
    }

    @Test
    void followsThePolicyThreshold() {
        // given a policy that warns 30 days ahead
        Policy strict = Policy.defaults().withThreshold(Threshold.CERT_EXPIRY_WARNING, Duration.ofDays(30));
        // when / then
        assertEquals(1, expiringIn(Duration.ofDays(22)).messages(check, strict).size());
    }

    @Test
    void doesNotFireOnceExpired() {
        // given an expired leaf (CERT_EXPIRED speaks for it)
        IssuedCert leaf =
                CA.issue(leafSpec().withValidity(NOW.minus(Duration.ofDays(60)), NOW.minus(Duration.ofDays(1))));
        // when / then
        assertEquals(
                List.of(),
                Scenario.endpoint()
                        .handshake(TlsVersion.TLS_1_3, chainOf(leaf), null)
                        .messages(check));
    }
}
