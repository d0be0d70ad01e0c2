package dev.staplescan.check.stapling;

import static dev.staplescan.check.Scenario.CA;
import static dev.staplescan.check.Scenario.NAME;
import static dev.staplescan.check.Scenario.chainOf;
import static dev.staplescan.check.Scenario.leaf;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.staplescan.check.Scenario;
import dev.staplescan.lab.pki.IssuedCert;
import dev.staplescan.lab.pki.LeafSpec;
import dev.staplescan.scan.TlsVersion;
import java.util.List;
import org.junit.jupiter.api.Test;

class OcspNotOfferedCheckTest {

    private final OcspNotOfferedCheck check = new OcspNotOfferedCheck();

    @Test
    void firesForACertificateWithoutAnOcspUrl() {
        // given a CRL-only leaf that still has a caIssuers URL in its AIA
        IssuedCert leaf = CA.issue(LeafSpec.forName(NAME).withCaIssuersUrl("http://ca.example.test/ca.crt"));
        // when / then
        assertEquals(
                1,
                Scenario.endpoint()
                        .handshake(TlsVersion.TLS_1_3, chainOf(leaf), null)
                        .messages(check)
                        .size());
    }

    @Test
    void doesNotFireWhenTheCertificateNamesAResponder() {
        assertEquals(
                List.of(),
                Scenario.endpoint()
                        .handshake(TlsVersion.TLS_1_3, chainOf(leaf()), null)
                        .messages(check));
    }
}
