package dev.staplescan.check.staple;

import static dev.staplescan.check.Scenario.chainOf;
import static dev.staplescan.check.Scenario.goodStaple;
import static dev.staplescan.check.Scenario.leaf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.staplescan.check.Scenario;
import dev.staplescan.lab.pki.IssuedCert;
import dev.staplescan.scan.TlsVersion;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class StapleMalformedCheckTest {

    private final StapleMalformedCheck check = new StapleMalformedCheck();

    @Test
    void firesForBytesThatAreNotAnOcspResponse() {
        // given a server stapling an HTML error page, three times
        IssuedCert leaf = leaf();
        byte[] garbage = "<html>502 Bad Gateway</html>".getBytes(StandardCharsets.US_ASCII);
        Scenario s = Scenario.endpoint()
                .handshake(TlsVersion.TLS_1_2, chainOf(leaf), garbage)
                .handshake(TlsVersion.TLS_1_2, chainOf(leaf), garbage)
                .handshake(TlsVersion.TLS_1_2, chainOf(leaf), garbage);
        // when
        List<String> messages = s.messages(check);
        // then one finding for the endpoint, not one per handshake
        assertEquals(1, messages.size());
        assertTrue(messages.get(0).contains("3 of 3 stapled handshakes"), messages.get(0));
    }

    @Test
    void firesForATruncatedResponse() {
        IssuedCert leaf = leaf();
        byte[] good = goodStaple(leaf);
        byte[] truncated = Arrays.copyOf(good, good.length / 2);
        assertEquals(
                1,
                Scenario.endpoint()
                        .handshake(TlsVersion.TLS_1_2, chainOf(leaf), truncated)
                        .messages(check)
                        .size());
    }

    @Test
    void firesForAHandshakeTheClientAbortedOverTheStaple() {
        // given TLS 1.3 aborted by JSSE over an unparseable staple (no bytes captured)
        Scenario s = Scenario.endpoint().stapleAborted(TlsVersion.TLS_1_3, chainOf(leaf()));
        // when / then
        assertEquals(1, s.messages(check).size());
    }

    @Test
    void doesNotFireForAGoodStaple() {
        assertEquals(List.of(), Scenario.goodStapling().messages(check));
    }
}
