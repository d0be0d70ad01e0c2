package dev.staplescan.check.stapling;

import static dev.staplescan.check.Scenario.CA;
import static dev.staplescan.check.Scenario.chainOf;
import static dev.staplescan.check.Scenario.goodStaple;
import static dev.staplescan.check.Scenario.leafSpec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.staplescan.check.Scenario;
import dev.staplescan.lab.pki.IssuedCert;
import dev.staplescan.scan.TlsVersion;
import java.util.List;
import org.junit.jupiter.api.Test;

class MustStapleViolationCheckTest {

    private final MustStapleViolationCheck check = new MustStapleViolationCheck();

    @Test
    void firesWhenAMustStapleCertificateIsServedWithoutAStapleOnce() {
        // given a Must-Staple leaf, stapled under TLS 1.3 but not under TLS 1.2
        IssuedCert leaf = CA.issue(leafSpec().withMustStaple(true));
        Scenario s = Scenario.endpoint()
                .handshake(TlsVersion.TLS_1_3, chainOf(leaf), goodStaple(leaf))
                .handshake(TlsVersion.TLS_1_2, chainOf(leaf), null);
        // when
        List<String> messages = s.messages(check);
        // then
        assertEquals(1, messages.size());
        assertTrue(messages.get(0).contains("1 of 2 handshakes"), messages.get(0));
    }

    @Test
    void doesNotFireWhenEveryHandshakeStapled() {
        IssuedCert leaf = CA.issue(leafSpec().withMustStaple(true));
        Scenario s = Scenario.endpoint()
                .handshake(TlsVersion.TLS_1_3, chainOf(leaf), goodStaple(leaf))
                .handshake(TlsVersion.TLS_1_2, chainOf(leaf), goodStaple(leaf));
        assertEquals(List.of(), s.messages(check));
    }

    @Test
    void doesNotFireForAnOrdinaryCertificateWithoutStaple() {
        IssuedCert leaf = CA.issue(leafSpec());
        assertEquals(
                List.of(),
                Scenario.endpoint()
                        .handshake(TlsVersion.TLS_1_3, chainOf(leaf), null)
                        .messages(check));
    }
}
