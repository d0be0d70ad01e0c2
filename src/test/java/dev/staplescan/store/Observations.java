package dev.staplescan.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.staplescan.input.Target;
import dev.staplescan.lab.pki.CertificateAuthority;
import dev.staplescan.lab.pki.LeafSpec;
import dev.staplescan.scan.Handshake;
import dev.staplescan.scan.Observation;
import dev.staplescan.scan.Outcome;
import dev.staplescan.scan.QueryOutcome;
import dev.staplescan.scan.ResponderAnswer;
import dev.staplescan.scan.TlsVersion;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/**
 * Observations with real certificates, for the store tests: what a scan of an endpoint that staples
 * looks like, and a comparison that looks at every byte (records compare arrays by identity).
 */
final class Observations {

    /** A fixed time, whole milliseconds (the database keeps microseconds), so it compares equal after a round trip. */
    static final Instant AT = Instant.parse("2026-12-01T10:15:30.123Z");

    private static final CertificateAuthority ROOT = CertificateAuthority.root("store test root");
    static final CertificateAuthority CA = ROOT.intermediate("store test issuing CA");

    private Observations() {}

    /** A new leaf's DER, issued by {@link #CA}. */
    static byte[] leaf(String name) {
        return der(CA.issue(LeafSpec.forName(name)).certificate());
    }

    /** {@link #CA}'s certificate, the intermediate every chain here ends with. */
    static byte[] intermediate() {
        return der(CA.certificate());
    }

    /**
     * An endpoint that answered under TLS 1.3 and TLS 1.2 with {@code leaf} and the intermediate, the
     * same staple both times, and a live responder answer with {@code body}.
     */
    static Observation stapling(Target target, byte[] leaf, byte[] staple, byte[] body) {
        List<byte[]> chain = List.of(leaf, intermediate());
        return new Observation(
                target,
                AT,
                12,
                Outcome.OK,
                List.of("127.0.0.1"),
                List.of(
                        new Handshake(
                                0,
                                "127.0.0.1",
                                TlsVersion.TLS_1_3,
                                Outcome.OK,
                                "TLSv1.3",
                                "TLS_AES_128_GCM_SHA256",
                                chain,
                                staple,
                                1,
                                5,
                                null),
                        new Handshake(
                                1,
                                "127.0.0.1",
                                TlsVersion.TLS_1_2,
                                Outcome.OK,
                                "TLSv1.2",
                                "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
                                chain,
                                staple,
                                1,
                                4,
                                null)),
                null,
                List.of(new ResponderAnswer(
                        "http://ocsp.example/",
                        "0A1B",
                        "ab".repeat(20),
                        QueryOutcome.ANSWERED,
                        200,
                        body,
                        AT,
                        7,
                        null)));
    }

    /** An endpoint whose first handshake failed before any certificate and whose responder was not asked. */
    static Observation failing(Target target, byte[] leaf) {
        return new Observation(
                target,
                AT,
                30,
                Outcome.OK,
                List.of("127.0.0.2", "::1"),
                List.of(
                        new Handshake(
                                0,
                                "127.0.0.2",
                                TlsVersion.TLS_1_3,
                                Outcome.HANDSHAKE_TIMEOUT,
                                null,
                                null,
                                List.of(),
                                null,
                                1,
                                3000,
                                "read timed out"),
                        // an empty staple is still a staple (the server sent a zero-length response)
                        new Handshake(
                                1,
                                "::1",
                                TlsVersion.TLS_1_2,
                                Outcome.OK,
                                "TLSv1.2",
                                "TLS_AES",
                                List.of(leaf),
                                new byte[0],
                                1,
                                3,
                                null)),
                "partly unreachable",
                List.of(ResponderAnswer.notQueried(
                        "http://ocsp.example/", "0C", "", QueryOutcome.ISSUER_UNKNOWN, AT, "no issuer")));
    }

    static void assertSame(List<Observation> expected, List<Observation> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertSame(expected.get(i), actual.get(i));
        }
    }

    static void assertSame(Observation expected, Observation actual) {
        assertEquals(expected.target(), actual.target());
        assertEquals(expected.startedAt(), actual.startedAt());
        assertEquals(expected.totalMillis(), actual.totalMillis());
        assertEquals(expected.resolution(), actual.resolution());
        assertEquals(expected.addresses(), actual.addresses());
        assertEquals(expected.error(), actual.error());
        assertEquals(expected.handshakes().size(), actual.handshakes().size());
        for (int i = 0; i < expected.handshakes().size(); i++) {
            Handshake e = expected.handshakes().get(i);
            Handshake a = actual.handshakes().get(i);
            assertEquals(
                    List.of(e.sequence(), e.address(), e.requested(), e.outcome(), "" + e.protocol(), "" + e.cipher()),
                    List.of(a.sequence(), a.address(), a.requested(), a.outcome(), "" + a.protocol(), "" + a.cipher()));
            assertEquals(
                    List.of(e.connectMillis(), e.handshakeMillis(), "" + e.error()),
                    List.of(a.connectMillis(), a.handshakeMillis(), "" + a.error()));
            assertEquals(e.chain().size(), a.chain().size());
            for (int c = 0; c < e.chain().size(); c++) {
                assertArrayEquals(e.chain().get(c), a.chain().get(c));
            }
            assertArrayEquals(e.staple(), a.staple());
        }
        assertEquals(
                expected.responderAnswers().size(), actual.responderAnswers().size());
        for (int i = 0; i < expected.responderAnswers().size(); i++) {
            ResponderAnswer e = expected.responderAnswers().get(i);
            ResponderAnswer a = actual.responderAnswers().get(i);
            assertEquals(
                    List.of(e.url(), e.serial(), e.issuerKeyHash(), e.outcome(), e.httpStatus(), e.queriedAt()),
                    List.of(a.url(), a.serial(), a.issuerKeyHash(), a.outcome(), a.httpStatus(), a.queriedAt()));
            assertEquals(List.of(e.elapsedMillis(), "" + e.error()), List.of(a.elapsedMillis(), "" + a.error()));
            assertArrayEquals(e.body(), a.body());
        }
    }

    private static byte[] der(X509Certificate c) {
        try {
            return c.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
