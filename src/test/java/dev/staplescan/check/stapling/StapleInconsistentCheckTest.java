package dev.staplescan.check.stapling;

import static dev.staplescan.check.Scenario.NOW;
import static dev.staplescan.check.Scenario.chainOf;
import static dev.staplescan.check.Scenario.goodStaple;
import static dev.staplescan.check.Scenario.leaf;
import static dev.staplescan.check.Scenario.spec;
import static dev.staplescan.check.Scenario.staple;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.staplescan.check.Fmt;
import dev.staplescan.check.Scenario;
import dev.staplescan.lab.pki.CertStatus;
import dev.staplescan.lab.pki.IssuedCert;
import dev.staplescan.scan.TlsVersion;
import java.util.List;
import org.junit.jupiter.api.Test;

class StapleInconsistentCheckTest {

    private final StapleInconsistentCheck check = new StapleInconsistentCheck();

    @Test
    void firesWhenAddressesPresentDifferentCertificates() {
        // given two backends, one still on the old certificate
        IssuedCert current = leaf();
        IssuedCert old = leaf();
        Scenario s = Scenario.endpoint()
                .handshakeAt("192.0.2.1", TlsVersion.TLS_1_3, chainOf(current), goodStaple(current))
                .handshakeAt("192.0.2.2", TlsVersion.TLS_1_3, chainOf(old), goodStaple(old));
        // when
        List<String> messages = s.messages(check);
        // then
        assertEquals(1, messages.size());
        assertTrue(
                messages.get(0).contains(Fmt.serial(old.certificate().getSerialNumber()) + " on 192.0.2.2"),
                messages.get(0));
    }

    @Test
    void firesWhenStaplesDisagreeOnStatus() {
        IssuedCert leaf = leaf();
        byte[] revoked = staple(spec(leaf).withStatus(CertStatus.REVOKED, NOW));
        Scenario s = Scenario.endpoint()
                .handshakeAt("192.0.2.1", TlsVersion.TLS_1_3, chainOf(leaf), goodStaple(leaf))
                .handshakeAt("192.0.2.2", TlsVersion.TLS_1_3, chainOf(leaf), revoked);
        assertTrue(s.messages(check).get(0).contains("good on 1 handshake vs revoked on 1 handshake"));
    }

    @Test
    void firesWhenOneAddressNeverStaples() {
        IssuedCert leaf = leaf();
        Scenario s = Scenario.endpoint()
                .handshakeAt("192.0.2.1", TlsVersion.TLS_1_3, chainOf(leaf), goodStaple(leaf))
                .handshakeAt("192.0.2.2", TlsVersion.TLS_1_3, chainOf(leaf), null);
        assertTrue(s.messages(check).get(0).contains("192.0.2.2 never"));
    }

    @Test
    void doesNotFireWhenAddressesAgree() {
        // given two addresses, same certificate, same good status (different staple bytes are fine)
        IssuedCert leaf = leaf();
        Scenario s = Scenario.endpoint()
                .handshakeAt("192.0.2.1", TlsVersion.TLS_1_3, chainOf(leaf), goodStaple(leaf))
                .handshakeAt("192.0.2.2", TlsVersion.TLS_1_3, chainOf(leaf), goodStaple(leaf))
                .handshakeAt("192.0.2.2", TlsVersion.TLS_1_2, chainOf(leaf), goodStaple(leaf));
        assertEquals(List.of(), s.messages(check));
    }
}
