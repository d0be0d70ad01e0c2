package dev.staplescan.scan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.staplescan.input.Target;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.bouncycastle.tls.ProtocolVersion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Staple capture and malformed staples, against a minimal BouncyCastle server that staples given bytes. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a hung scan fails, never hangs the build
class ScannerStapleIT {

    private static final TestCerts CERTS = TestCerts.selfSigned("staple.test");
    private static Scanner tls13;
    private static Scanner tls12;

    @BeforeAll
    static void start() {
        tls13 = new Scanner(ScanOptions.defaults().withVersions(TlsVersion.TLS_1_3));
        tls12 = new Scanner(ScanOptions.defaults().withVersions(TlsVersion.TLS_1_2));
    }

    @AfterAll
    static void stop() {
        tls13.close();
        tls12.close();
    }

    private static Handshake scan(Scanner scanner, ProtocolVersion version, byte[] staple) throws Exception {
        try (BcStapleServer server = new BcStapleServer(CERTS, version, staple)) {
            Observation o = scanner.scan(new Target(1, "127.0.0.1", server.port(), "staple.test", "", "", ""));
            assertEquals(1, o.handshakes().size());
            return o.handshakes().get(0);
        }
    }

    @Test
    void aParseableStapleIsCapturedUnderTls13() throws Exception {
        Handshake h = scan(tls13, ProtocolVersion.TLSv13, BcStapleServer.TRY_LATER);

        assertEquals(Outcome.OK, h.outcome());
        assertEquals("TLSv1.3", h.protocol());
        assertArrayEquals(BcStapleServer.TRY_LATER, h.staple());
        assertArrayEquals(CERTS.certificate().getEncoded(), h.chain().get(0));
    }

    @Test
    void aParseableStapleIsCapturedUnderTls12() throws Exception {
        Handshake h = scan(tls12, ProtocolVersion.TLSv12, BcStapleServer.TRY_LATER);

        assertEquals(Outcome.OK, h.outcome());
        assertArrayEquals(BcStapleServer.TRY_LATER, h.staple());
    }

    @Test
    void garbageComesBackRawUnderTls12ForAssessmentToJudge() throws Exception {
        byte[] garbage = "garbage!".getBytes(StandardCharsets.US_ASCII);

        Handshake h = scan(tls12, ProtocolVersion.TLSv12, garbage);

        assertEquals(Outcome.OK, h.outcome());
        assertArrayEquals(garbage, h.staple());
        assertEquals(1, h.chain().size());
    }

    static Stream<Arguments> malformedTls13Staples() {
        return Stream.of(
                // JSSE used to abort these with "Remote host terminated the handshake", "Too short", ...
                Arguments.of("length overrun", new byte[] {0x30, 0x7f, 1, 2, 3}),
                Arguments.of("ascii text", "garbage!".getBytes(StandardCharsets.US_ASCII)),
                Arguments.of("one byte", new byte[] {0x30}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedTls13Staples")
    void aMalformedStapleUnderTls13ComesBackRawForAssessmentToJudge(String name, byte[] staple) throws Exception {
        Handshake h = scan(tls13, ProtocolVersion.TLSv13, staple);

        assertEquals(Outcome.OK, h.outcome(), h.error());
        assertArrayEquals(staple, h.staple(), "BoringSSL hands back the bytes without parsing them");
        assertEquals(1, h.chain().size());
        assertTrue(h.connectMillis() >= 0 && h.handshakeMillis() >= 0);
    }

    /**
     * An empty OCSP response violates the TLS encoding itself (RFC 6066 section 8: 1..2^24-1 bytes), so
     * BoringSSL ends the handshake with a decode_error under either version, as browsers built on it do.
     * The chain was not yet checked, so none is captured.
     */
    @Test
    void anEmptyStapleFailsTheHandshakeUnderBothVersions() throws Exception {
        Handshake tls12Empty = scan(tls12, ProtocolVersion.TLSv12, new byte[0]);
        Handshake tls13Empty = scan(tls13, ProtocolVersion.TLSv13, new byte[0]);

        assertEquals(Outcome.HANDSHAKE_FAILED, tls12Empty.outcome(), tls12Empty.error());
        assertTrue(tls12Empty.error().contains("DECODE_ERROR"), tls12Empty.error());
        assertEquals(Outcome.HANDSHAKE_FAILED, tls13Empty.outcome(), tls13Empty.error());
    }
}
