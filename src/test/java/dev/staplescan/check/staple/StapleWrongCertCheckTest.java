package dev.staplescan.check.staple;

import static dev.staplescan.check.Scenario.CA;
import static dev.staplescan.check.Scenario.NOW;
import static dev.staplescan.check.Scenario.STRANGER_CA;
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
import dev.staplescan.lab.pki.OcspSpec;
import dev.staplescan.scan.TlsVersion;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class StapleWrongCertCheckTest {

    private final StapleWrongCertCheck check = new StapleWrongCertCheck();

    @Test
    void firesForTheStapleOfThePreviousCertificate() {
        // given a renewed leaf served with the old leaf's (otherwise good) staple
        IssuedCert old = leaf();
        IssuedCert renewed = leaf();
        // when
        List<String> messages = Scenario.endpoint()
                .handshake(TlsVersion.TLS_1_3, chainOf(renewed), goodStaple(old))
                .messages(check);
        // then both serials are in the message
        assertEquals(1, messages.size());
        assertTrue(
                messages.get(0).contains(Fmt.serial(old.certificate().getSerialNumber()))
                        && messages.get(0)
                                .contains(Fmt.serial(renewed.certificate().getSerialNumber())),
                messages.get(0));
    }

    @Test
    void firesWhenTheSerialMatchesButTheCertIdNamesAnotherIssuer() {
        // given a CertID with the leaf's serial hashed over another CA's name and key
        IssuedCert leaf = leaf();
        OcspSpec otherIssuer = new OcspSpec(
                leaf.certificate(),
                STRANGER_CA.certificate(),
                CertStatus.GOOD,
                null,
                NOW.minus(Duration.ofHours(1)),
                NOW.plus(Duration.ofDays(3)),
                CA.certificate(),
                CA.privateKey(),
                List.of(),
                false);
        // when
        List<String> messages = Scenario.endpoint()
                .handshake(TlsVersion.TLS_1_3, chainOf(leaf), staple(otherIssuer))
                .messages(check);
        // then
        assertEquals(1, messages.size());
        assertTrue(messages.get(0).contains("another issuer"), messages.get(0));
    }

    @Test
    void doesNotFireForTheRightCertificateWithASha256CertId() {
        IssuedCert leaf = leaf();
        byte[] sha256 = staple(spec(leaf).withSha256CertId(true));
        assertEquals(
                List.of(),
                Scenario.endpoint()
                        .handshake(TlsVersion.TLS_1_3, chainOf(leaf), sha256)
                        .messages(check));
    }
}
