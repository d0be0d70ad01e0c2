package dev.staplescan.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResponderUrlTest {

    @Test
    void takesAnHttpUrlApart() {
        ResponderUrl u = ResponderUrl.parse("http://OCSP.Example.test./ca1?x=1").orElseThrow();

        assertEquals("ocsp.example.test", u.host());
        assertEquals(80, u.port());
        assertEquals("/ca1?x=1", u.target());
        assertEquals("ocsp.example.test", u.hostHeader());
        assertEquals("http://ocsp.example.test", u.origin());
    }

    @Test
    void keepsPortsIpv6BracketsAndTheEmptyPath() {
        ResponderUrl u = ResponderUrl.parse("HTTPS://[::1]:8443").orElseThrow();

        assertTrue(u.https());
        assertEquals("[::1]", u.host());
        assertEquals("[::1]:8443", u.hostHeader());
        assertEquals("/", u.target());
    }

    @Test
    void readsNumericHostsThatJavaNetUriTakesForNoHost() {
        // java.net.URI sees a registry-based authority here; HTTP clients see 127.0.0.1.
        ResponderUrl hex = ResponderUrl.parse("http://0x7f.1:8081/x").orElseThrow();
        ResponderUrl shortForm = ResponderUrl.parse("http://127.1/").orElseThrow();

        assertEquals("0x7f.1", hex.host());
        assertEquals(8081, hex.port());
        assertEquals("127.1", shortForm.host());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "file:///etc/passwd",
                "ldap://ocsp.example.test/",
                "jar:file:/x.jar!/",
                "ftp://ocsp.example.test/",
                "http:///nohost",
                "/relative",
                "http://user:pw@ocsp.example.test/",
                "http://user@0x7f.1/",
                "http://ocsp.example.test:0/",
                "http://ocsp.example.test:70000/",
                "not a uri at all",
                ""
            })
    void refusesWhatIsNoHttpUrlWithAHost(String url) {
        assertTrue(ResponderUrl.parse(url).isEmpty(), url);
    }
}
