package dev.staplescan.check.staple;

import static dev.staplescan.check.Scenario.CA;
import static dev.staplescan.check.Scenario.STRANGER_CA;
import static dev.staplescan.check.Scenario.chainOf;
import static dev.staplescan.check.Scenario.goodStaple;
import static dev.staplescan.check.Scenario.leaf;
import static dev.staplescan.check.Scenario.spec;
import static dev.staplescan.check.Scenario.staple;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.staplescan.check.Scenario;
import dev.staplescan.lab.pki.IssuedCert;
import dev.staplescan.scan.TlsVersion;
import java.util.List;
import org.junit.jupiter.api.Test;

class StapleSignatureInvalidCheckTest {

    private final StapleSignatureInvalidCheck check = new StapleSignatureInvalidCheck();

    @Test
    void firesWhenTheNamedIssuerKeyDoesNotVerify() {
        // given a response whose ResponderID names the issuer but which another key signed (a forgery)
        IssuedCert leaf = leaf();
        byte[] forged = staple(spec(leaf).signedBy(CA.certificate(), STRANGER_CA.privateKey(), List.of()));
        // when
        List<String> messages = Scenario.endpoint()
                .handshake(TlsVersion.TLS_1_3, chainOf(leaf), forged)
                .messages(check);
        // then
        assertEquals(1, messages.size());
        assertTrue(messages.get(0).contains("Scenario Issuing CA"), messages.get(0));
    }

    @Test
    void firesWhenTheSignatureBytesAreCorrupted() {
        // given a good response with the last byte (inside the ECDSA signature) flipped
        IssuedCert leaf = leaf();
        byte[] corrupted = goodStaple(leaf);
        corrupted[corrupted.length - 1] ^= 0x01;
        // when / then
        assertEquals(
                1,
                Scenario.endpoint()
                        .handshake(TlsVersion.TLS_1_3, chainOf(leaf), corrupted)
                        .messages(check)
                        .size());
    }

    @Test
    void doesNotFireForTheIssuersOwnSignature() {
        assertEquals(List.of(), Scenario.goodStapling().messages(check));
    }
}
