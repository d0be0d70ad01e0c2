package dev.staplescan.check.certificate;

import static dev.staplescan.check.Scenario.CA;
import static dev.staplescan.check.Scenario.NOW;
import static dev.staplescan.check.Scenario.chainOf;
import static dev.staplescan.check.Scenario.leafSpec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.staplescan.check.Scenario;
import dev.staplescan.lab.pki.IssuedCert;
import dev.staplescan.scan.TlsVersion;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CertExpiredCheckTest {

    private final CertExpiredCheck check = new CertExpiredCheck();

    @Test
    void firesWhenTheLeafHasExpired() {
        // given a leaf that expired a day ago
        IssuedCert leaf =
                CA.issue(leafSpec().withValidity(NOW.minus(Duration.ofDays(90)), NOW.minus(Duration.ofDays(1))));
        // when
        List<String> messages = Scenario.endpoint()
                .handshake(TlsVersion.TLS_1_3, chainOf(leaf), null)
                .messages(check);
        // then the message names the date in ISO-8601 UTC
        assertEquals(1, messages.size());
        assertTrue(messages.get(0).contains("expired at " + NOW.minus(Duration.ofDays(1))), messages.get(0));
    }

    @Test
    void doesNotFireAnHourBeforeExpiry() {
        // given a leaf that expires in an hour
        IssuedCert leaf =
                CA.issue(leafSpec().withValidity(NOW.minus(Duration.ofDays(90)), NOW.plus(Duration.ofHours(1))));
        // when / then
        assertEquals(
                List.of(),
                Scenario.endpoint()
                        .handshake(TlsVersion.TLS_1_3, chainOf(leaf), null)
                        .messages(check));
    }
}
