package dev.staplescan.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every spelling of an address in a URL host means the address a browser would connect to. */
class HostNamesTest {

    @ParameterizedTest
    @CsvSource({
        "2130706433, 127.0.0.1",
        "2130726345, 127.0.77.201",
        "0x7f000001, 127.0.0.1",
        "0x7F.1, 127.0.0.1",
        "0177.0.0.1, 127.0.0.1",
        "0177.0.0.01, 127.0.0.1",
        "127.1, 127.0.0.1",
        "127.0.1, 127.0.0.1",
        "10.0.0.1., 10.0.0.1",
        "0xa9.0xfe.0xa9.0xfe, 169.254.169.254",
        "2852039166, 169.254.169.254",
        "0, 0.0.0.0",
        "'[::ffff:127.0.0.1]', 127.0.0.1",
        "'[::ffff:7f00:1]', 127.0.0.1",
        "'[::1]', 0:0:0:0:0:0:0:1",
        "'[fd00:ec2::254]', fd00:ec2:0:0:0:0:0:254",
    })
    void numericSpellingsAreTheAddressTheyStandFor(String host, String address) {
        Optional<InetAddress> a = HostNames.address(host);

        assertEquals(address, a.orElseThrow().getHostAddress());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ocsp.example.com", "localhost", "ocsp1.ca.test", "1x.example", "0x7f.example"})
    void namesAreNames(String host) {
        assertTrue(HostNames.address(host).isEmpty(), host);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"256.1.1.1", "1.2.3.4.5", "0x1g.1", "1..2", "4294967296", "08.1.1.1", "[fe80::1%25eth0]", "[x]"})
    void numbersThatAreNoAddressAreRefused(String host) {
        assertThrows(IllegalArgumentException.class, () -> HostNames.address(host));
    }

    @ParameterizedTest
    @CsvSource({"OCSP.Example.COM., ocsp.example.com", "bücher.example, xn--bcher-kva.example", "a_b.test, a_b.test"})
    void namesAreComparedInOneForm(String given, String normal) {
        assertEquals(normal, HostNames.normalName(given));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a b.test", "-x.test", "a..b", "x\u001b.test", ""})
    void whatIsNoNameHasNoForm(String given) {
        assertNull(HostNames.normalName(given));
    }
}
