package dev.staplescan.scan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.staplescan.input.Target;
import java.util.List;
import javax.net.ssl.SNIHostName;
import org.bouncycastle.tls.ProtocolVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The two TLS stacks behind the one probe: BoringSSL where it loads (it does on the Linux x86_64 machines
 * CI runs on), and the JDK's TLS as the fallback, forced here with {@value TlsEngine#PROVIDER_PROPERTY}.
 * The fallback must observe the same facts through the same code: protocol, chain, staple, SNI.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TlsEngineIT {

    private static final TestCerts CERTS = TestCerts.selfSigned("engine.test");

    @AfterEach
    void clearProperty() {
        System.clearProperty(TlsEngine.PROVIDER_PROPERTY);
    }

    private static Target target(int port) {
        return new Target(1, "127.0.0.1", port, "engine.test", "", "", "");
    }

    @Test
    void boringSslIsTheDefaultHere() {
        try (Scanner scanner = new Scanner()) {
            assertTrue(scanner.tlsStack().startsWith("BoringSSL"), scanner.tlsStack());
        }
    }

    @Test
    void theJdkFallbackObservesBothVersionsChainAndSni() throws Exception {
        System.setProperty(TlsEngine.PROVIDER_PROPERTY, "jdk");
        try (Scanner scanner = new Scanner();
                JsseTestServer server = new JsseTestServer(CERTS, "TLSv1.3", "TLSv1.2")) {
            assertTrue(scanner.tlsStack().startsWith("JDK"), scanner.tlsStack());

            Observation o = scanner.scan(target(server.port()));

            assertEquals(
                    List.of(Outcome.OK, Outcome.OK),
                    o.handshakes().stream().map(Handshake::outcome).toList());
            assertEquals("TLSv1.3", o.handshakes().get(0).protocol());
            assertEquals("TLSv1.2", o.handshakes().get(1).protocol());
            assertArrayEquals(
                    CERTS.certificate().getEncoded(),
                    o.handshakes().get(0).chain().get(0));
            SNIHostName sent = new SNIHostName("engine.test");
            assertEquals(List.of(List.of(sent), List.of(sent)), server.requestedNames(2));
        }
    }

    @Test
    void theJdkFallbackCapturesTheStaple() throws Exception {
        System.setProperty(TlsEngine.PROVIDER_PROPERTY, "jdk");
        try (Scanner scanner = new Scanner(ScanOptions.defaults().withVersions(TlsVersion.TLS_1_2));
                BcStapleServer server = new BcStapleServer(CERTS, ProtocolVersion.TLSv12, BcStapleServer.TRY_LATER)) {
            Handshake h = scanner.scan(target(server.port())).handshakes().get(0);

            assertEquals(Outcome.OK, h.outcome(), h.error());
            assertArrayEquals(BcStapleServer.TRY_LATER, h.staple());
        }
    }

    @Test
    void anUnknownProviderIsRefusedWithTheChoices() {
        System.setProperty(TlsEngine.PROVIDER_PROPERTY, "gnutls");

        IllegalStateException e = assertThrows(IllegalStateException.class, Scanner::new);

        assertTrue(e.getMessage().contains("expected jdk or openssl"), e.getMessage());
        assertFalse(e.getMessage().isBlank());
    }
}
