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

class CertNotYetValidCheckTest {

    private final CertNotYetValidCheck check = new CertNotYetValidCheck();

    @Test
    void firesWhenNotBeforeIsInTheFuture() {
        // given a leaf valid only from tomorrow
        IssuedCert leaf =
                CA.issue(leafSpec().withValidity(NOW.plus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(90))));
        // when
        List<String> messages = Scenario.endpoint()
                .handshake(TlsVersion.TLS_1_2, chainOf(leaf), null)
                .messages(check);
        // then
        assertEquals(1, messages.size());
        assertTrue(messages.get(0).contains(NOW.plus(Duration.ofDays(1)).toString()), messages.get(0));
    }

    @Test
    void doesNotFireForALeafValidSinceAMinute() {
        // given
        IssuedCert leaf =
                CA.issue(leafSpec().withValidity(NOW.minus(Duration.ofMinutes(1)), NOW.plus(Duration.ofDays(90))));
        // when / then
        assertEquals(
                List.of(),
                Scenario.endpoint()
                        .handshake(TlsVersion.TLS_1_2, chainOf(leaf), null)
                        .messages(check));
    }
}
