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
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

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

    /** What the second address staples, and what the finding must then say. */
    static Stream<Arguments> secondAddressDisagrees() {
        Function<IssuedCert, byte[]> revoked = leaf -> staple(spec(leaf).withStatus(CertStatus.REVOKED, NOW));
        Function<IssuedCert, byte[]> nothing = leaf -> null;
        return Stream.of(
                Arguments.of("a revoked staple", revoked, "good on 1 handshake vs revoked on 1 handshake"),
                Arguments.of("no staple", nothing, "192.0.2.2 never"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("secondAddressDisagrees")
    void firesWhenTheSecondAddressStaplesDifferently(
            String what, Function<IssuedCert, byte[]> secondStaple, String expected) {
        // given the first address stapling a good response, the second one something else
        IssuedCert leaf = leaf();
        Scenario s = Scenario.endpoint()
                .handshakeAt("192.0.2.1", TlsVersion.TLS_1_3, chainOf(leaf), goodStaple(leaf))
                .handshakeAt("192.0.2.2", TlsVersion.TLS_1_3, chainOf(leaf), secondStaple.apply(leaf));
        // when / then
        assertTrue(s.messages(check).get(0).contains(expected));
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
