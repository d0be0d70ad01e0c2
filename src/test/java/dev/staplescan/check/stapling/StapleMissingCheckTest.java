package dev.staplescan.check.stapling;

import static dev.staplescan.check.Scenario.CA;
import static dev.staplescan.check.Scenario.NAME;
import static dev.staplescan.check.Scenario.OCSP_URL;
import static dev.staplescan.check.Scenario.chainOf;
import static dev.staplescan.check.Scenario.goodStaple;
import static dev.staplescan.check.Scenario.leaf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.staplescan.check.Scenario;
import dev.staplescan.lab.pki.IssuedCert;
import dev.staplescan.lab.pki.LeafSpec;
import dev.staplescan.scan.TlsVersion;
import java.util.List;
import org.junit.jupiter.api.Test;

class StapleMissingCheckTest {

    private final StapleMissingCheck check = new StapleMissingCheck();

    @Test
    void firesWhenNoHandshakeStapledAndTheCertificateNamesAResponder() {
        // given two handshakes without a staple, and a leaf with an OCSP URL
        IssuedCert leaf = leaf();
        Scenario s = Scenario.endpoint()
                .handshake(TlsVersion.TLS_1_3, chainOf(leaf), null)
                .handshake(TlsVersion.TLS_1_2, chainOf(leaf), null);
        // when
        List<String> messages = s.messages(check);
        // then
        assertEquals(1, messages.size());
        assertTrue(
                messages.get(0).contains("none of 2 handshakes")
                        && messages.get(0).contains(OCSP_URL),
                messages.get(0));
    }

    @Test
    void doesNotFireWhenOneHandshakeStapled() {
        IssuedCert leaf = leaf();
        Scenario s = Scenario.endpoint()
                .handshake(TlsVersion.TLS_1_3, chainOf(leaf), null)
                .handshake(TlsVersion.TLS_1_2, chainOf(leaf), goodStaple(leaf));
        assertEquals(List.of(), s.messages(check));
    }

    @Test
    void doesNotFireWhenTheCertificateNamesNoResponder() {
        // given a CRL-only certificate: OCSP_NOT_OFFERED speaks instead
        IssuedCert leaf = CA.issue(LeafSpec.forName(NAME));
        assertEquals(
                List.of(),
                Scenario.endpoint()
                        .handshake(TlsVersion.TLS_1_3, chainOf(leaf), null)
                        .messages(check));
    }
}
