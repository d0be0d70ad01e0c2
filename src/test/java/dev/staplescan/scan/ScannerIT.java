package dev.staplescan.scan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.staplescan.input.Target;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SNIHostName;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Real handshakes against JDK-only servers on loopback. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a hung scan fails, never hangs the build
// Binds and connects to literal loopback addresses: no name is resolved, one address is the point.
@SuppressWarnings("AddressSelection")
class ScannerIT {

    private static final TestCerts CERTS = TestCerts.selfSigned("scan.test");
    /** Generous on purpose: these are correctness bounds on a shared CI box, not benchmarks. */
    private static final long MARGIN_MS = 2_000;

    private static Scanner scanner;

    @BeforeAll
    static void start() {
        scanner = new Scanner(ScanOptions.defaults()
                .withConnectTimeout(Duration.ofSeconds(2))
                .withHandshakeTimeout(Duration.ofSeconds(2)));
    }

    @AfterAll
    static void stop() {
        scanner.close();
    }

    private static Target target(String host, int port, String sni) {
        return new Target(1, host, port, sni, "", "", "");
    }

    private static List<Outcome> outcomes(Observation o) {
        return o.handshakes().stream().map(Handshake::outcome).toList();
    }

    @Test
    void tls13AndTls12HandshakesCaptureTheChainAndNoStaple() throws Exception {
        try (JsseTestServer server = new JsseTestServer(CERTS, "TLSv1.3", "TLSv1.2")) {
            Observation o = scanner.scan(target("127.0.0.1", server.port(), "scan.test"));

            assertEquals(Outcome.OK, o.resolution());
            assertEquals(List.of("127.0.0.1"), o.addresses());
            assertEquals(List.of(Outcome.OK, Outcome.OK), outcomes(o));
            Handshake h13 = o.handshakes().get(0);
            Handshake h12 = o.handshakes().get(1);
            assertEquals(TlsVersion.TLS_1_3, h13.requested());
            assertEquals("TLSv1.3", h13.protocol());
            assertEquals("TLSv1.2", h12.protocol());
            assertTrue(h13.cipher().startsWith("TLS_"), h13.cipher());
            for (Handshake h : o.handshakes()) {
                assertEquals(1, h.chain().size());
                assertArrayEquals(CERTS.certificate().getEncoded(), h.chain().get(0));
                assertNull(h.staple(), "the JDK server does not staple without a responder");
                assertTrue(h.connectMillis() >= 0 && h.handshakeMillis() >= 0);
                assertNull(h.error());
            }
            assertEquals(
                    List.of(0, 1),
                    o.handshakes().stream().map(Handshake::sequence).toList());
        }
    }

    @Test
    void sendsTheTargetsSniAndNoneForAnIpOnlyTarget() throws Exception {
        try (JsseTestServer server = new JsseTestServer(CERTS, "TLSv1.3")) {
            Scanner one = new Scanner(ScanOptions.defaults().withVersions(TlsVersion.TLS_1_3));
            try (one) {
                one.scan(target("127.0.0.1", server.port(), "scan.test"));
                one.scan(target("127.0.0.1", server.port(), null));
            }

            assertEquals(List.of(List.of(new SNIHostName("scan.test")), List.of()), server.requestedNames(2));
        }
    }

    @Test
    void ipv6LiteralTargetConnectsWithoutSni() throws Exception {
        InetAddress v6 = InetAddress.getByName("::1");
        assumeTrue(canBind(v6), "no IPv6 loopback here");
        try (JsseTestServer server = new JsseTestServer(CERTS, v6, 0, "TLSv1.3", "TLSv1.2")) {
            Observation o = scanner.scan(target("::1", server.port(), null));

            assertEquals(List.of(Outcome.OK, Outcome.OK), outcomes(o));
            assertEquals(v6.getHostAddress(), o.handshakes().get(0).address());
            assertEquals(List.of(List.of(), List.of()), server.requestedNames(2));
        }
    }

    @Test
    void aTls12OnlyServerRefusesTls13AndCompletesTls12() throws Exception {
        try (JsseTestServer server = new JsseTestServer(CERTS, "TLSv1.2")) {
            Observation o = scanner.scan(target("127.0.0.1", server.port(), "scan.test"));

            assertEquals(List.of(Outcome.PROTOCOL_NOT_SUPPORTED, Outcome.OK), outcomes(o));
            assertTrue(
                    o.handshakes().get(0).error().toLowerCase(Locale.ROOT).contains("protocol_version"),
                    o.handshakes().get(0).error());
            assertEquals("TLSv1.2", o.handshakes().get(1).protocol());
        }
    }

    @Test
    void aClosedPortIsConnectRefused() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = s.getLocalPort();
        }

        Observation o = scanner.scan(target("127.0.0.1", port, null));

        assertEquals(List.of(Outcome.CONNECT_REFUSED, Outcome.CONNECT_REFUSED), outcomes(o));
        assertEquals(-1, o.handshakes().get(0).connectMillis());
        assertEquals(-1, o.handshakes().get(0).handshakeMillis());
    }

    @Test
    void anHttpReplyIsNotTls() throws Exception {
        try (LoopbackServer http =
                LoopbackServer.tcp(InetAddress.getByName("127.0.0.1"), LoopbackServer::httpBadRequest)) {
            Observation o = scanner.scan(target("127.0.0.1", http.port(), "scan.test"));

            assertEquals(List.of(Outcome.NOT_TLS, Outcome.NOT_TLS), outcomes(o));
            assertTrue(o.handshakes().get(0).connectMillis() >= 0);
        }
    }

    @Test
    void aHangUpAfterTheClientHelloIsHandshakeFailedNotAMalformedStaple() throws Exception {
        try (LoopbackServer rude = LoopbackServer.tcp(InetAddress.getByName("127.0.0.1"), LoopbackServer::hangUp)) {
            Observation o = scanner.scan(target("127.0.0.1", rude.port(), "scan.test"));

            assertEquals(List.of(Outcome.HANDSHAKE_FAILED, Outcome.HANDSHAKE_FAILED), outcomes(o));
        }
    }

    @Test
    void aServerThatNeverAnswersIsHandshakeTimeoutWithinTheTimeout() throws Exception {
        Duration timeout = Duration.ofMillis(500);
        try (LoopbackServer mute = LoopbackServer.tcp(InetAddress.getByName("127.0.0.1"), LoopbackServer::silent);
                Scanner quick = new Scanner(ScanOptions.defaults().withHandshakeTimeout(timeout))) {
            long start = System.nanoTime();

            Observation o = quick.scan(target("127.0.0.1", mute.port(), "scan.test"));

            long elapsed = Deadline.millisSince(start);
            assertEquals(List.of(Outcome.HANDSHAKE_TIMEOUT, Outcome.HANDSHAKE_TIMEOUT), outcomes(o));
            assertTrue(elapsed < 2 * timeout.toMillis() + MARGIN_MS, "took " + elapsed + " ms");
            assertTrue(o.handshakes().get(0).handshakeMillis() >= timeout.toMillis() - 50);
        }
    }

    @Test
    void repeatsAreNotSpentOnAServerThatNeverAnswers() throws Exception {
        Duration timeout = Duration.ofMillis(500);
        try (LoopbackServer mute = LoopbackServer.tcp(InetAddress.getByName("127.0.0.1"), LoopbackServer::silent);
                Scanner repeating = new Scanner(
                        ScanOptions.defaults().withHandshakeTimeout(timeout).withHandshakesPerVersion(3))) {
            long start = System.nanoTime();

            Observation o = repeating.scan(target("127.0.0.1", mute.port(), "scan.test"));

            long elapsed = Deadline.millisSince(start);
            // one timed-out attempt per version; the two further repeats of each are skipped
            assertEquals(List.of(Outcome.HANDSHAKE_TIMEOUT, Outcome.HANDSHAKE_TIMEOUT), outcomes(o));
            assertTrue(elapsed < 2 * timeout.toMillis() + MARGIN_MS, "took " + elapsed + " ms");
        }
    }

    @Test
    void aServerDrippingBytesIsCutAtTheHandshakeDeadline() throws Exception {
        // Each read gets a byte within 100 ms, so setSoTimeout alone would never fire; the watchdog must.
        Duration timeout = Duration.ofMillis(800);
        try (LoopbackServer drip = LoopbackServer.tcp(InetAddress.getByName("127.0.0.1"), LoopbackServer::drip);
                Scanner quick = new Scanner(
                        ScanOptions.defaults().withVersions(TlsVersion.TLS_1_2).withHandshakeTimeout(timeout))) {
            long start = System.nanoTime();

            Observation o = quick.scan(target("127.0.0.1", drip.port(), "scan.test"));

            long elapsed = Deadline.millisSince(start);
            assertEquals(List.of(Outcome.HANDSHAKE_TIMEOUT), outcomes(o));
            assertTrue(elapsed < timeout.toMillis() + MARGIN_MS, "took " + elapsed + " ms");
        }
    }

    @Test
    void attemptsBeyondTheTotalBudgetAreRecordedAsNotAttempted() throws Exception {
        // The budget ends inside the first (TLS 1.3) attempt, so the TLS 1.2 one cannot be made.
        ScanOptions tight = ScanOptions.defaults()
                .withHandshakeTimeout(Duration.ofMillis(600))
                .withTotalTimeout(Duration.ofMillis(500));
        try (LoopbackServer mute = LoopbackServer.tcp(InetAddress.getByName("127.0.0.1"), LoopbackServer::silent);
                Scanner budgeted = new Scanner(tight)) {
            Observation o = budgeted.scan(target("127.0.0.1", mute.port(), "scan.test"));

            assertEquals(2, o.handshakes().size(), "the whole plan is recorded");
            assertTrue(o.handshakes().stream().allMatch(h -> h.outcome() == Outcome.HANDSHAKE_TIMEOUT));
            Handshake last = o.handshakes().get(1);
            assertTrue(last.error().startsWith(Scanner.NOT_ATTEMPTED), last.error());
            assertEquals(-1, last.connectMillis());
            assertTrue(o.totalMillis() < tight.totalTimeout().toMillis() + MARGIN_MS, o.totalMillis() + " ms");
        }
    }

    @Test
    void repeatsAndAllAddressesScanEachVersionOnEachAddressUpToTheCap() throws Exception {
        InetAddress a1 = InetAddress.getByName("127.0.0.1");
        InetAddress a2 = InetAddress.getByName("127.0.0.2");
        InetAddress a3 = InetAddress.getByName("127.0.0.3");
        try (JsseTestServer s1 = new JsseTestServer(CERTS, a1, 0, "TLSv1.3", "TLSv1.2");
                JsseTestServer s2 = new JsseTestServer(CERTS, a2, s1.port(), "TLSv1.3", "TLSv1.2");
                Scanner pool = new Scanner(
                        ScanOptions.defaults().withHandshakesPerVersion(2).withAllAddresses(true, 2),
                        host -> new InetAddress[] {a1, a2, a3})) {
            Observation o = pool.scan(target("pool.test", s1.port(), "pool.test"));

            assertEquals(List.of("127.0.0.1", "127.0.0.2", "127.0.0.3"), o.addresses());
            assertEquals(8, o.handshakes().size());
            assertTrue(o.handshakes().stream().allMatch(Handshake::completed));
            assertEquals(
                    List.of(
                            "127.0.0.1",
                            "127.0.0.1",
                            "127.0.0.1",
                            "127.0.0.1",
                            "127.0.0.2",
                            "127.0.0.2",
                            "127.0.0.2",
                            "127.0.0.2"),
                    o.handshakes().stream().map(Handshake::address).toList());
            assertEquals(
                    List.of(TlsVersion.TLS_1_3, TlsVersion.TLS_1_3, TlsVersion.TLS_1_2, TlsVersion.TLS_1_2),
                    o.handshakes().subList(0, 4).stream()
                            .map(Handshake::requested)
                            .toList());
            assertEquals(4, s1.requestedNames(4).size(), "repeats are full handshakes, never resumed");
            assertEquals(4, s2.requestedNames(4).size());
        }
    }

    @Test
    void repeatedHandshakesAreFullHandshakesWithTheChainEachTime() throws Exception {
        try (JsseTestServer server = new JsseTestServer(CERTS, "TLSv1.3", "TLSv1.2");
                Scanner repeats = new Scanner(ScanOptions.defaults().withHandshakesPerVersion(3))) {
            Observation o = repeats.scan(target("127.0.0.1", server.port(), "scan.test"));

            assertEquals(6, o.handshakes().size());
            assertTrue(
                    o.handshakes().stream()
                            .allMatch(h -> h.completed() && h.chain().size() == 1),
                    "a resumed session would have no certificate");
        }
    }

    @Test
    void anUnresolvableNameIsDnsFailureInBoundedTime() {
        long start = System.nanoTime();

        Observation o = scanner.scan(target("nx.invalid", 443, "nx.invalid"));

        long elapsed = Deadline.millisSince(start);
        assertEquals(Outcome.DNS_FAILURE, o.resolution());
        assertEquals(List.of(), o.handshakes());
        assertTrue(o.error() != null && !o.error().isBlank());
        assertTrue(elapsed < scanner.options().resolveTimeout().toMillis() + MARGIN_MS, "took " + elapsed + " ms");
    }

    @SuppressWarnings("try") // binding is the test; the socket is only closed
    private static boolean canBind(InetAddress address) {
        try (ServerSocket s = new ServerSocket(0, 1, address)) {
            return true;
        } catch (IOException unavailable) {
            return false;
        }
    }
}
