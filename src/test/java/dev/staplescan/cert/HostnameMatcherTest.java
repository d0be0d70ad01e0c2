package dev.staplescan.cert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HostnameMatcherTest {

    @Test
    void wildcardCoversExactlyOneLeftMostLabel() {
        assertTrue(HostnameMatcher.dnsMatches("*.example.test", "www.example.test"));
        assertFalse(HostnameMatcher.dnsMatches("*.example.test", "example.test"));
        assertFalse(HostnameMatcher.dnsMatches("*.example.test", "a.b.example.test"));
        assertFalse(HostnameMatcher.dnsMatches("*.test", "example.test"));
        assertFalse(HostnameMatcher.dnsMatches("w*.example.test", "www.example.test"));
    }

    @Test
    void recognisesIpLiteralsWithoutTouchingDns() {
        assertArrayEquals(new byte[] {(byte) 192, 0, 2, 1}, HostnameMatcher.ipLiteral("192.0.2.1"));
        assertArrayEquals(HostnameMatcher.ipLiteral("2001:db8::1"), HostnameMatcher.ipLiteral("2001:DB8:0:0:0:0:0:1"));
        assertNull(HostnameMatcher.ipLiteral("256.0.2.1"));
        assertNull(HostnameMatcher.ipLiteral("www.example.test"));
        assertNull(HostnameMatcher.ipLiteral("zz::1"));
    }
}
