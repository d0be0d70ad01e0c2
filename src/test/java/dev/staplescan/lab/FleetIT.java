package dev.staplescan.lab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.staplescan.check.FindingCode;
import dev.staplescan.check.Verdict;
import dev.staplescan.lab.pki.CertificateAuthority;
import dev.staplescan.scan.TlsVersion;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.SignatureException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.bc.BcDigestCalculatorProvider;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The whole fleet, probed with a JSSE client under TLS 1.2 and TLS 1.3. */
class FleetIT {

    /**
     * Scenarios whose staple differs from one handshake to the next, or that JSSE cannot read under
     * TLS 1.3: each has a test of its own below. A new scenario like them fails
     * {@link #staplesExactlyWhatTheScenarioSays} until it is named here.
     */
    private static final Set<Scenario> VARYING =
            EnumSet.of(Scenario.INTERMITTENT, Scenario.INCONSISTENT_BACKENDS, Scenario.MALFORMED_STAPLE);

    /**
     * Scenarios whose endpoint completes handshakes under both versions with the same staple rule,
     * from the scenarios' expectations: reachable, the same codes under either version alone, and not
     * {@link #VARYING}.
     */
    private static final Set<Scenario> BOTH_VERSIONS = Arrays.stream(Scenario.values())
            .filter(s -> !VARYING.contains(s))
            .filter(s -> s.expectedCodes().stream().noneMatch(c -> c.area() == FindingCode.Area.REACHABILITY))
            .filter(s -> Arrays.stream(TlsVersion.values())
                    .allMatch(v -> s.expectedCodes(EnumSet.of(v)).equals(s.expectedCodes())))
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(Scenario.class)));

    private static Fleet fleet;
    private static Map<Scenario, FleetEndpoint> byScenario;

    @BeforeAll
    static void start() {
        fleet = Fleet.start(EnumSet.allOf(Scenario.class));
        byScenario = fleet.endpoints().stream().collect(Collectors.toMap(FleetEndpoint::scenario, Function.identity()));
    }

    @AfterAll
    static void stop() {
        fleet.close();
    }

    @Test
    void oneEndpointPerScenarioOnDistinctLoopbackAddresses() {
        List<FleetEndpoint> endpoints = fleet.endpoints();

        assertEquals(Scenario.values().length, endpoints.size());
        assertEquals(
                endpoints.size(),
                endpoints.stream().map(FleetEndpoint::address).distinct().count());
        for (FleetEndpoint e : endpoints) {
            if (e.scenario() == Scenario.UNRESOLVABLE) {
                assertEquals(Fleet.UNRESOLVABLE_HOST, e.address());
                continue;
            }
            assertTrue(e.address().startsWith("127."), e.address());
            assertFalse(e.address().startsWith("127.0.0."), "keeps clear of 127.0.0.x: " + e.address());
            assertEquals(e.scenario().sni(), e.sni());
            assertEquals(e.scenario().expectedVerdict(), e.expectedVerdict());
        }
    }

    @ParameterizedTest
    @EnumSource(TlsVersion.class)
    void staplesExactlyWhatTheScenarioSays(TlsVersion version) throws IOException {
        for (Scenario scenario : BOTH_VERSIONS) {
            FleetEndpoint endpoint = byScenario.get(scenario);
            byte[] expected = fleet.stapleOf(endpoint, version);

            JsseProbe.Result result = probe(scenario, version);

            assertEquals(version.jsseName(), result.protocol(), scenario.name());
            if (expected == null) {
                assertTrue(result.staples().isEmpty(), scenario + " must not staple under " + version);
            } else {
                assertEquals(1, result.staples().size(), scenario + " must staple under " + version);
                assertArrayEquals(expected, result.staples().get(0), scenario + " staple under " + version);
            }
        }
    }

    @Test
    void stapleContentsMatchTheirScenarios() throws Exception {
        X509Certificate issuer =
                probe(Scenario.GOOD, TlsVersion.TLS_1_3).chain().get(1);

        SingleResp good = single(Scenario.GOOD, issuer);
        assertNull(good.getCertStatus());
        assertEquals(leaf(Scenario.GOOD).getSerialNumber(), good.getCertID().getSerialNumber());
        assertTrue(
                good.getCertID().matchesIssuer(new JcaX509CertificateHolder(issuer), new BcDigestCalculatorProvider()));

        assertInstanceOf(RevokedStatus.class, single(Scenario.REVOKED, issuer).getCertStatus());
        assertInstanceOf(
                UnknownStatus.class, single(Scenario.UNKNOWN_STATUS, issuer).getCertStatus());
        assertTrue(single(Scenario.EXPIRED_STAPLE, issuer)
                .getNextUpdate()
                .toInstant()
                .isBefore(Instant.now()));
        assertFalse(leaf(Scenario.WRONG_CERT_STAPLE)
                .getSerialNumber()
                .equals(single(Scenario.WRONG_CERT_STAPLE, issuer).getCertID().getSerialNumber()));
        assertEquals(OCSPResp.TRY_LATER, new OCSPResp(staple(Scenario.TRY_LATER)).getStatus());
        BasicOCSPResp stranger = (BasicOCSPResp) new OCSPResp(staple(Scenario.STRANGER_SIGNED)).getResponseObject();
        assertFalse(stranger.isSignatureValid(new JcaContentVerifierProviderBuilder().build(issuer.getPublicKey())));
        BasicOCSPResp noEku = (BasicOCSPResp) new OCSPResp(staple(Scenario.SIGNER_WITHOUT_EKU)).getResponseObject();
        X509Certificate signer = new JcaX509CertificateConverter().getCertificate(noEku.getCerts()[0]);
        signer.verify(issuer.getPublicKey());
        assertFalse(signer.getExtendedKeyUsage().contains("1.3.6.1.5.5.7.3.9"));

        BasicOCSPResp corrupted =
                (BasicOCSPResp) new OCSPResp(staple(Scenario.CORRUPTED_SIGNATURE)).getResponseObject();
        BasicOCSPResp intact = (BasicOCSPResp) new OCSPResp(staple(Scenario.GOOD)).getResponseObject();
        assertEquals(intact.getResponderId(), corrupted.getResponderId(), "names the issuer, an authorized signer");
        assertFalse(corrupted.isSignatureValid(new JcaContentVerifierProviderBuilder().build(issuer.getPublicKey())));
        assertTrue(single(Scenario.NOT_YET_VALID_STAPLE, issuer)
                .getThisUpdate()
                .toInstant()
                .isAfter(Instant.now().plus(Duration.ofMinutes(5))));
        assertNull(single(Scenario.NO_NEXT_UPDATE_STAPLE, issuer).getNextUpdate());
    }

    @Test
    void certificatesMatchTheirScenarios() throws Exception {
        assertNotNull(leaf(Scenario.MUST_STAPLE_NO_STAPLE).getExtensionValue(CertificateAuthority.TLS_FEATURE_OID));
        assertNull(leaf(Scenario.NO_OCSP_URL).getExtensionValue("1.3.6.1.5.5.7.1.1"));
        assertNotNull(leaf(Scenario.GOOD).getExtensionValue("1.3.6.1.5.5.7.1.1"));
        assertTrue(leaf(Scenario.EXPIRED_CERT).getNotAfter().toInstant().isBefore(Instant.now()));
        assertFalse(leaf(Scenario.WRONG_NAME)
                .getSubjectAlternativeNames()
                .toString()
                .contains(Scenario.WRONG_NAME.sni()));
        assertEquals(
                1, probe(Scenario.INCOMPLETE_CHAIN, TlsVersion.TLS_1_2).chain().size());
        X509Certificate self = leaf(Scenario.SELF_SIGNED);
        self.verify(self.getPublicKey());
        List<X509Certificate> goodChain =
                probe(Scenario.GOOD, TlsVersion.TLS_1_2).chain();
        goodChain.get(1).verify(fleet.rootCertificate().getPublicKey());
        goodChain.get(0).verify(goodChain.get(1).getPublicKey());

        Instant now = Instant.now();
        assertTrue(leaf(Scenario.NOT_YET_VALID_CERT).getNotBefore().toInstant().isAfter(now));
        Instant soon = leaf(Scenario.EXPIRING_SOON_CERT).getNotAfter().toInstant();
        assertTrue(soon.isAfter(now) && soon.isBefore(now.plus(Duration.ofDays(21))), soon.toString());
        List<X509Certificate> untrusted =
                probe(Scenario.UNTRUSTED_ROOT, TlsVersion.TLS_1_2).chain();
        assertEquals(2, untrusted.size(), "complete chain: leaf and intermediate");
        untrusted.get(0).verify(untrusted.get(1).getPublicKey());
        assertFalse(untrusted
                .get(1)
                .getIssuerX500Principal()
                .equals(untrusted.get(1).getSubjectX500Principal()));
        assertThrows(
                SignatureException.class,
                () -> untrusted.get(1).verify(fleet.rootCertificate().getPublicKey()));
    }

    @ParameterizedTest
    @EnumSource(TlsVersion.class)
    void handshakeAlertRefusesEveryHandshake(TlsVersion version) {
        SSLHandshakeException e =
                assertThrows(SSLHandshakeException.class, () -> probe(Scenario.HANDSHAKE_ALERT, version));

        assertTrue(e.getMessage().contains("handshake_failure"), e.getMessage());
    }

    @Test
    void fullBacklogLetsConnectsTimeOut() {
        FleetEndpoint endpoint = byScenario.get(Scenario.FULL_BACKLOG);
        long start = System.nanoTime();

        assertThrows(SocketTimeoutException.class, () -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(endpoint.address(), endpoint.port()), 500);
            }
        });

        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis >= 450 && millis < 2_000, "ended at the client's own timeout, took " + millis + " ms");
    }

    @Test
    void unresolvableNamesAHostUnderInvalid() {
        FleetEndpoint endpoint = byScenario.get(Scenario.UNRESOLVABLE);

        assertTrue(endpoint.address().endsWith(".invalid"), endpoint.address());
        assertThrows(UnknownHostException.class, () -> InetAddress.getAllByName(endpoint.address()));
        assertNull(fleet.stapleOf(endpoint, TlsVersion.TLS_1_3));
    }

    @Test
    void malformedStapleComesBackRawUnderTls12AndAbortsTls13() throws IOException {
        FleetEndpoint endpoint = byScenario.get(Scenario.MALFORMED_STAPLE);

        assertArrayEquals(
                fleet.stapleOf(endpoint, TlsVersion.TLS_1_2),
                probe(Scenario.MALFORMED_STAPLE, TlsVersion.TLS_1_2).staples().get(0));
        assertThrows(SSLException.class, () -> probe(Scenario.MALFORMED_STAPLE, TlsVersion.TLS_1_3));
    }

    @Test
    void tls12OnlyStapleStaplesUnderTls12Only() throws IOException {
        assertTrue(
                probe(Scenario.TLS12_ONLY_STAPLE, TlsVersion.TLS_1_3).staples().isEmpty());
        assertEquals(
                1,
                probe(Scenario.TLS12_ONLY_STAPLE, TlsVersion.TLS_1_2).staples().size());
    }

    @Test
    void tls12OnlyRefusesTls13AndStaplesUnderTls12() throws IOException {
        assertThrows(SSLException.class, () -> probe(Scenario.TLS12_ONLY, TlsVersion.TLS_1_3));
        assertArrayEquals(
                fleet.stapleOf(byScenario.get(Scenario.TLS12_ONLY), TlsVersion.TLS_1_2),
                probe(Scenario.TLS12_ONLY, TlsVersion.TLS_1_2).staples().get(0));
    }

    @Test
    void intermittentLacksTheStapleOnTheFirstHandshakeOnly() throws IOException {
        assertTrue(probe(Scenario.INTERMITTENT, TlsVersion.TLS_1_3).staples().isEmpty());
        assertEquals(
                1, probe(Scenario.INTERMITTENT, TlsVersion.TLS_1_3).staples().size());
        assertEquals(
                1, probe(Scenario.INTERMITTENT, TlsVersion.TLS_1_2).staples().size());
    }

    @Test
    void inconsistentBackendsAlternateBetweenTwoValidlyStapledCertificates() throws IOException {
        JsseProbe.Result first = probe(Scenario.INCONSISTENT_BACKENDS, TlsVersion.TLS_1_3);
        JsseProbe.Result second = probe(Scenario.INCONSISTENT_BACKENDS, TlsVersion.TLS_1_3);
        JsseProbe.Result third = probe(Scenario.INCONSISTENT_BACKENDS, TlsVersion.TLS_1_2);

        assertFalse(first.chain().get(0).equals(second.chain().get(0)), "consecutive connections, other backend");
        assertEquals(first.chain().get(0), third.chain().get(0), "every second connection, the same backend");
        assertEquals(1, first.staples().size());
        assertEquals(1, second.staples().size());
        assertFalse(Arrays.equals(first.staples().get(0), second.staples().get(0)), "each its own staple");
    }

    @Test
    void slowTakesAtLeastASecond() throws IOException {
        long start = System.nanoTime();
        JsseProbe.Result result = probe(Scenario.SLOW, TlsVersion.TLS_1_3);

        assertTrue(System.nanoTime() - start >= 1_000_000_000L);
        assertEquals(1, result.staples().size());
    }

    @Test
    void closedPortRefuses() {
        FleetEndpoint endpoint = byScenario.get(Scenario.CLOSED_PORT);

        assertThrows(ConnectException.class, () -> connect(endpoint).close());
        assertNull(fleet.stapleOf(endpoint, TlsVersion.TLS_1_3));
    }

    @Test
    void notTlsAnswersWithAnHttpBanner() throws IOException {
        try (Socket socket = connect(byScenario.get(Scenario.NOT_TLS))) {
            socket.getOutputStream().write(new byte[] {0x16, 0x03, 0x01, 0x00, 0x05, 1, 0, 0, 1, 0});
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);

            assertTrue(answer.startsWith("HTTP/1.1 400 "), answer);
        }
        assertThrows(SSLException.class, () -> probe(Scenario.NOT_TLS, TlsVersion.TLS_1_3));
    }

    @Test
    void tarpitNeverAnswers() throws IOException {
        try (Socket socket = connect(byScenario.get(Scenario.TARPIT))) {
            socket.getOutputStream().write(new byte[] {0x16, 0x03, 0x01});
            socket.setSoTimeout(300);
            InputStream in = socket.getInputStream();

            assertThrows(SocketTimeoutException.class, in::read);
        }
    }

    @Test
    void mostScenariosStapleTheSameUnderBothVersions() {
        assertTrue(BOTH_VERSIONS.containsAll(EnumSet.of(Scenario.GOOD, Scenario.NO_STAPLE, Scenario.REVOKED)));
        assertFalse(BOTH_VERSIONS.contains(Scenario.TLS12_ONLY_STAPLE));
        assertFalse(BOTH_VERSIONS.contains(Scenario.CLOSED_PORT));
        assertTrue(BOTH_VERSIONS.size() >= 23, BOTH_VERSIONS::toString);
    }

    @Test
    void everyExpectedVerdictHasItsEndpoint() {
        assertEquals(
                EnumSet.allOf(Verdict.class),
                fleet.endpoints().stream()
                        .map(FleetEndpoint::expectedVerdict)
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Verdict.class))));
    }

    private static JsseProbe.Result probe(Scenario scenario, TlsVersion version) throws IOException {
        FleetEndpoint e = byScenario.get(scenario);
        return JsseProbe.handshake(e.address(), e.port(), e.sni(), version);
    }

    private static X509Certificate leaf(Scenario scenario) throws IOException {
        TlsVersion version = scenario == Scenario.TLS12_ONLY ? TlsVersion.TLS_1_2 : TlsVersion.TLS_1_3;
        return probe(scenario, version).chain().get(0);
    }

    private static byte[] staple(Scenario scenario) {
        return fleet.stapleOf(byScenario.get(scenario), TlsVersion.TLS_1_2);
    }

    private static SingleResp single(Scenario scenario, X509Certificate issuer) throws Exception {
        OCSPResp resp = new OCSPResp(staple(scenario));
        BasicOCSPResp basic = (BasicOCSPResp) resp.getResponseObject();
        assertTrue(
                basic.isSignatureValid(new JcaContentVerifierProviderBuilder().build(issuer.getPublicKey())),
                scenario + " staple signed by the issuer");
        return basic.getResponses()[0];
    }

    private static Socket connect(FleetEndpoint endpoint) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(endpoint.address(), endpoint.port()), 2_000);
        return socket;
    }
}
