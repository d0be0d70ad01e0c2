package dev.staplescan.check.certificate;

import static dev.staplescan.check.Scenario.CA;
import static dev.staplescan.check.Scenario.chainOf;
import static dev.staplescan.check.Scenario.leafSpec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.staplescan.check.Scenario;
import dev.staplescan.lab.pki.IssuedCert;
import dev.staplescan.scan.TlsVersion;
import java.util.List;
import org.junit.jupiter.api.Test;

class CertHostnameMismatchCheckTest {

    private final CertHostnameMismatchCheck check = new CertHostnameMismatchCheck();

    private List<String> messages(String expectedName, IssuedCert leaf) {
        return Scenario.endpoint("192.0.2.9")
                .sni(expectedName)
                .handshake(TlsVersion.TLS_1_3, chainOf(leaf), null)
                .messages(check);
    }

    @Test
    void firesWhenTheNameIsNotInTheSans() {
        // given a certificate for other.example.test
        IssuedCert leaf = CA.issue(leafSpec().withDnsNames("other.example.test"));
        // when
        List<String> messages = messages("www.example.test", leaf);
        // then the message shows the name checked and the SANs
        assertEquals(1, messages.size());
        assertTrue(
                messages.get(0).contains("www.example.test") && messages.get(0).contains("other.example.test"),
                messages.get(0));
    }

    @Test
    void doesNotFireForAWildcardCoveringOneLabel() {
        IssuedCert leaf = CA.issue(leafSpec().withDnsNames("*.example.test"));
        assertEquals(List.of(), messages("WWW.Example.Test.", leaf));
    }

    @Test
    void firesForAWildcardAskedToCoverTwoLabels() {
        IssuedCert leaf = CA.issue(leafSpec().withDnsNames("*.example.test"));
        assertEquals(1, messages("a.www.example.test", leaf).size());
    }

    @Test
    void matchesIpLiteralsAgainstIpAddressSansOnly() {
        // given a certificate with an IP SAN and a DNS SAN that spells an IP
        IssuedCert leaf = CA.issue(leafSpec().withDnsNames("192.0.2.8").withIpAddresses("192.0.2.7", "2001:db8::1"));
        // when / then: the IP SANs match, the dNSName spelling an IP does not
        assertEquals(List.of(), messages("192.0.2.7", leaf));
        assertEquals(List.of(), messages("2001:db8:0:0:0:0:0:1", leaf));
        assertEquals(1, messages("192.0.2.8", leaf).size());
    }

    @Test
    void checksTheHostWhenNoSniIsSent() {
        // given an IP host, no SNI, and a certificate without IP SANs
        IssuedCert leaf = CA.issue(leafSpec());
        Scenario s = Scenario.endpoint("192.0.2.9").sni(null).handshake(TlsVersion.TLS_1_3, chainOf(leaf), null);
        // when / then
        List<String> messages = s.messages(check);
        assertEquals(1, messages.size());
        assertTrue(messages.get(0).startsWith("IP address 192.0.2.9"), messages.get(0));
    }
}
