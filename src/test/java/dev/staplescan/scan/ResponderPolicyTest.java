package dev.staplescan.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResponderPolicyTest {

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal); // literals only: no DNS
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static ResponderPolicy.Decision check(ResponderPolicy p, String name, String... addresses) {
        return p.check(
                name, List.of(addresses).stream().map(ResponderPolicyTest::ip).toList());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "169.254.169.254",
                "169.254.0.1",
                "0.0.0.0",
                "0.1.2.3",
                "224.0.0.1",
                "239.255.255.250",
                "255.255.255.255",
                "100.100.100.200",
                "168.63.129.16",
                "192.0.0.192",
                "::",
                "fe80::1",
                "febf::1",
                "fd00:ec2::254",
                "ff02::1",
                "::ffff:169.254.169.254",
                "64:ff9b::a9fe:a9fe",
                "2002:a9fe:a9fe::1",
                "::169.254.169.254"
            })
    void neverQueriesLinkLocalMetadataUnspecifiedOrMulticastWhateverTheRules(String address) {
        ResponderPolicy allowAll = new ResponderPolicy(HostRules.parse("0.0.0.0/0,::/0,*.test"), HostRules.NONE);

        ResponderPolicy.Decision d = check(allowAll, "metadata.test", address);

        assertFalse(d.allowed(), address);
        assertTrue(d.reason().contains("never queried"), d.reason());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "127.0.0.1",
                "127.5.6.7",
                "::1",
                "10.1.2.3",
                "172.16.0.1",
                "192.168.1.1",
                "fd12::1",
                "203.0.113.9"
            })
    void byDefaultLoopbackPrivateAndPublicAddressesAreAllowed(String address) {
        assertTrue(check(ResponderPolicy.defaults(), null, address).allowed(), address);
    }

    @Test
    void denyRulesMatchAddressesNamesAndDomains() {
        ResponderPolicy p =
                new ResponderPolicy(HostRules.NONE, HostRules.parse("10.0.0.0/8, admin.corp.test, *.internal"));

        assertEquals(
                "10.9.8.7 matches the responder deny rule 10.0.0.0/8",
                check(p, "ocsp.ca.test", "10.9.8.7").reason());
        assertFalse(check(p, "admin.corp.test", "192.0.2.1").allowed());
        assertFalse(p.checkName("ocsp.x.internal").allowed());
        assertTrue(p.checkName("internal").allowed(), "*.internal names the subdomains only");
        assertTrue(check(p, "ocsp.ca.test", "192.0.2.1").allowed());
    }

    @Test
    void denyWinsOverAllow() {
        ResponderPolicy p =
                new ResponderPolicy(HostRules.parse("private,ocsp.corp.test"), HostRules.parse("10.6.0.0/16"));

        assertTrue(check(p, "ocsp.corp.test", "10.5.0.1").allowed());
        assertFalse(check(p, "ocsp.corp.test", "10.6.0.1").allowed());
    }

    @Test
    void withAllowRulesEveryAddressMustMatchUnlessTheNameDoes() {
        ResponderPolicy p = new ResponderPolicy(HostRules.parse("192.168.0.0/16, ocsp.ca.test"), HostRules.NONE);

        assertTrue(check(p, null, "192.168.7.7").allowed());
        assertTrue(check(p, "ocsp.ca.test", "203.0.113.1").allowed());
        ResponderPolicy.Decision mixed = check(p, "other.test", "192.168.7.7", "203.0.113.1");
        assertFalse(mixed.allowed());
        assertTrue(mixed.reason().contains("203.0.113.1") && mixed.reason().contains("allow-list"), mixed.reason());
    }

    @Test
    void oneRefusedAddressAmongSeveralRefusesTheWholeHost() {
        // A name that resolves to a public and a metadata address is refused, not queried at the public one.
        assertFalse(check(ResponderPolicy.defaults(), "rebind.test", "203.0.113.1", "169.254.169.254")
                .allowed());
    }

    @Test
    void embeddedIpv4AddressesAreCheckedToo() {
        ResponderPolicy p = new ResponderPolicy(HostRules.NONE, HostRules.parse("127.0.0.0/8"));

        assertFalse(check(p, null, "::ffff:127.0.0.1").allowed());
        assertFalse(check(p, null, "64:ff9b::7f00:1").allowed());
        assertFalse(check(p, null, "2002:7f00:1::").allowed());
        assertTrue(check(p, null, "::1").allowed());
    }

    @Test
    void rulesReadAndWriteBack() {
        HostRules r =
                HostRules.parse(" 10.0.0.0/8,fd00:0:0:0::/8 , *.Corp.Test., loopback,PRIVATE,192.0.2.7,10.0.0.0/8");

        assertEquals("10.0.0.0/8,fd00::/8,*.corp.test,loopback,private,192.0.2.7/32", r.toString());
        assertEquals(r, HostRules.parse(r.toString()));
        assertEquals(HostRules.NONE, HostRules.parse(""));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"10.0.0.1/8", "10.0.0.0/33", "10.0.0.0/x", "999.1.1.1", "a b", "*.", "1.2.3.4.5", "http://x/"})
    void wrongRulesAreRefusedWithAReason(String rule) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HostRules.parse(rule));
        assertTrue(e.getMessage().contains(rule.strip()) || e.getMessage().contains("/"), e.getMessage());
    }
}
