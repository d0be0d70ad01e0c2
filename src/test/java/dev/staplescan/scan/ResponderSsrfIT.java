package dev.staplescan.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.staplescan.lab.OcspRegistry;
import dev.staplescan.lab.OcspResponder;
import dev.staplescan.lab.pki.CertificateAuthority;
import dev.staplescan.lab.pki.IssuedCert;
import dev.staplescan.lab.pki.LeafSpec;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.security.auth.x500.X500Principal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Server-side request forgery through the live responder query (issue 10, point 1), on loopback: a
 * stand-in "internal admin" HTTP server on 127.0.77.201 (2130726345 as one number) records every
 * request that reaches it. Certificates name it in their AIA in every spelling an attacker would try.
 * DNS is a stand-in too ({@link Resolver.Lookup}), so names can point anywhere without a real resolver.
 */
class ResponderSsrfIT {

    private static final String ADMIN_IP = "127.0.77.201";

    private final CertificateAuthority root = CertificateAuthority.root("SSRF IT Root");
    private final CertificateAuthority ca = root.intermediate("SSRF IT CA");
    private final CertificateAuthority stranger = CertificateAuthority.root("SSRF IT Stranger Root");

    private HttpServer admin;
    private ExecutorService adminThreads;
    private final List<String> adminRequests = new CopyOnWriteArrayList<>();
    private OcspResponder responder;
    private final Map<String, List<InetAddress>> dns = new ConcurrentHashMap<>();
    private final AtomicInteger lookups = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        admin = HttpServer.create(new InetSocketAddress(InetAddress.getByName(ADMIN_IP), 0), 0);
        adminThreads = Executors.newVirtualThreadPerTaskExecutor();
        admin.setExecutor(adminThreads);
        admin.createContext("/", ex -> {
            try (ex) {
                adminRequests.add(ex.getRequestMethod() + " " + ex.getRequestURI());
                byte[] body = "rebooting; token=secret-42".getBytes(StandardCharsets.US_ASCII);
                ex.sendResponseHeaders(200, body.length);
                ex.getResponseBody().write(body);
            }
        });
        admin.start();
        OcspRegistry registry = new OcspRegistry();
        registry.addIssuer(ca);
        responder = OcspResponder.start(registry, Duration.ZERO);
    }

    @AfterEach
    void stop() {
        admin.stop(0);
        adminThreads.shutdownNow();
        responder.close();
    }

    @Test
    void anUntrustedOrSelfSignedChainNeverMakesARequest() {
        String url = adminUrl(ADMIN_IP);
        IssuedCert strangers = stranger.issue(LeafSpec.forName("evil.test").withOcspUrl(url));
        IssuedCert self =
                CertificateAuthority.selfSigned(LeafSpec.forName("self.test").withOcspUrl(url));

        try (ResponderProbe probe = probe(ResponderPolicy.defaults())) {
            ResponderAnswer a = answer(probe, strangers.certificate(), stranger.certificate());
            ResponderAnswer b = answer(probe, self.certificate());

            assertEquals(QueryOutcome.CHAIN_NOT_TRUSTED, a.outcome(), a::toString);
            assertEquals(QueryOutcome.CHAIN_NOT_TRUSTED, b.outcome(), b::toString);
            assertTrue(a.error().startsWith("not queried: chain not trusted"), a.error());
            assertEquals(0, probe.queriesSent());
        }
        assertEquals(List.of(), adminRequests);
    }

    @Test
    void controlATrustedChainWithTheDefaultPolicyDoesReachALoopbackAddress() {
        // Loopback stays allowed by default (the lab and private PKIs need it), so the stand-in works:
        // without this, the refusals below could pass for a broken server.
        try (ResponderProbe probe = probe(ResponderPolicy.defaults())) {
            ResponderAnswer a = answer(probe, trusted(adminUrl(ADMIN_IP)), ca.certificate());

            assertEquals(QueryOutcome.ANSWERED, a.outcome(), a::toString);
        }
        assertEquals(List.of("POST /internal-api?cmd=reboot"), adminRequests);
    }

    @Test
    void aDeniedAddressIsRefusedAndNeverContacted() {
        try (ResponderProbe probe = probe(deny("127.0.77.0/24"))) {
            ResponderAnswer a = answer(probe, trusted(adminUrl(ADMIN_IP)), ca.certificate());

            assertEquals(QueryOutcome.POLICY_REFUSED, a.outcome(), a::toString);
            assertEquals(
                    "refused by responder policy: 127.0.77.201 matches the responder deny rule 127.0.77.0/24",
                    a.error());
            assertFalse(a.sent());
            assertEquals(0, probe.queriesSent());
        }
        assertEquals(List.of(), adminRequests);
    }

    @Test
    void decimalHexOctalShortAndIpv4MappedSpellingsAreTheSameDeniedAddress() {
        List<String> spellings = List.of(
                "2130726345",
                "0x7f004dc9",
                "0x7f.0.0x4d.0xc9",
                "0177.0.0115.0311",
                "127.0.19913",
                "[::ffff:127.0.77.201]");
        try (ResponderProbe probe = probe(deny(ADMIN_IP))) {
            for (String host : spellings) {
                ResponderAnswer a = answer(probe, trusted(adminUrl(host)), ca.certificate());

                assertEquals(QueryOutcome.POLICY_REFUSED, a.outcome(), host + ": " + a);
                assertTrue(a.error().contains(ADMIN_IP), a.error());
            }
        }
        assertEquals(List.of(), adminRequests);
        // and each spelling means that very address: allowed, every one lands on the stand-in
        try (ResponderProbe probe = probe(ResponderPolicy.defaults())) {
            for (String host : spellings) {
                assertEquals(
                        QueryOutcome.ANSWERED,
                        answer(probe, trusted(adminUrl(host)), ca.certificate()).outcome(),
                        host);
            }
        }
        assertEquals(spellings.size(), adminRequests.size());
    }

    @Test
    void metadataAndLinkLocalAddressesAreRefusedWithoutAnyConnectionWhateverTheAllowRules() throws Exception {
        dns.put("metadata.google.internal", List.of(InetAddress.getByName("169.254.169.254")));
        ResponderPolicy allowEverything =
                new ResponderPolicy(HostRules.parse("0.0.0.0/0,::/0,*.internal"), HostRules.NONE);
        List<String> urls = List.of(
                "http://169.254.169.254/latest/meta-data/iam/security-credentials/",
                "http://2852039166/latest/meta-data/",
                "http://0xa9fea9fe/latest/meta-data/",
                "http://[::ffff:169.254.169.254]/latest/meta-data/",
                "http://[fd00:ec2::254]/latest/meta-data/",
                "http://[fe80::1]/",
                "http://metadata.google.internal/computeMetadata/v1/",
                "http://0.0.0.0:8080/",
                "http://224.0.0.1/");
        try (ResponderProbe probe = probe(allowEverything)) {
            for (String url : urls) {
                long start = System.nanoTime();
                ResponderAnswer a = answer(probe, trusted(url), ca.certificate());
                long millis = (System.nanoTime() - start) / 1_000_000;

                assertEquals(QueryOutcome.POLICY_REFUSED, a.outcome(), url + ": " + a);
                assertTrue(a.error().contains("never queried"), a.error());
                assertFalse(a.sent(), url);
                assertTrue(millis < 1_000, url + " took " + millis + " ms"); // no connect attempt, no timeout
            }
            assertEquals(0, probe.queriesSent());
        }
    }

    @Test
    void aNameIsLookedUpOnceAndTheCheckedAddressIsTheOneConnectedTo() throws Exception {
        // DNS rebinding: the first answer passes the check, every later one points at the admin port.
        int port = URI.create(responder.url()).getPort();
        HttpServer adminOnResponderPort =
                HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.77.202"), port), 0);
        adminOnResponderPort.createContext("/", ex -> {
            try (ex) {
                adminRequests.add("rebound " + ex.getRequestURI());
                ex.sendResponseHeaders(200, -1);
            }
        });
        adminOnResponderPort.start();
        try {
            Resolver.Lookup rebinding = host -> lookups.incrementAndGet() == 1
                    ? new InetAddress[] {InetAddress.getLoopbackAddress()}
                    : new InetAddress[] {InetAddress.getByName("127.0.77.202")};
            try (ResponderProbe probe =
                    new ResponderProbe(options(deny("127.0.77.0/24")), anchors(), this::anchorsBySubject, rebinding)) {
                ResponderAnswer a =
                        answer(probe, trusted("http://ocsp.rebind.test:" + port + "/ocsp"), ca.certificate());

                assertEquals(QueryOutcome.ANSWERED, a.outcome(), a::toString);
                assertEquals(200, a.httpStatus());
            }
        } finally {
            adminOnResponderPort.stop(0);
        }
        assertEquals(1, lookups.get());
        assertEquals(List.of(), adminRequests);
    }

    @Test
    void aNameThatResolvesToADeniedAddressIsRefused() throws Exception {
        dns.put("intranet.corp.test", List.of(InetAddress.getByName(ADMIN_IP)));
        try (ResponderProbe probe = probe(deny("127.0.77.201"))) {
            ResponderAnswer a = answer(
                    probe,
                    trusted("http://intranet.corp.test:" + admin.getAddress().getPort() + "/"),
                    ca.certificate());

            assertEquals(QueryOutcome.POLICY_REFUSED, a.outcome(), a::toString);
            assertEquals(1, lookups.get());
        }
        assertEquals(List.of(), adminRequests);
    }

    @Test
    void aDeniedNameIsNotEvenLookedUp() {
        try (ResponderProbe probe = probe(deny("*.corp.test"))) {
            ResponderAnswer a = answer(probe, trusted("http://admin.corp.test/reboot"), ca.certificate());

            assertEquals(QueryOutcome.POLICY_REFUSED, a.outcome(), a::toString);
            assertTrue(a.error().contains("*.corp.test"), a.error());
        }
        assertEquals(0, lookups.get());
    }

    @Test
    void anAllowListRefusesEverythingElse() {
        try (ResponderProbe probe = probe(new ResponderPolicy(HostRules.parse("10.0.0.0/8"), HostRules.NONE))) {
            ResponderAnswer a = answer(probe, trusted(adminUrl(ADMIN_IP)), ca.certificate());

            assertEquals(QueryOutcome.POLICY_REFUSED, a.outcome(), a::toString);
            assertTrue(a.error().contains("allow-list"), a.error());
        }
        assertEquals(List.of(), adminRequests);
    }

    // ---- helpers ----

    private String adminUrl(String host) {
        return "http://" + host + ":" + admin.getAddress().getPort() + "/internal-api?cmd=reboot";
    }

    private X509Certificate trusted(String ocspUrl) {
        return ca.issue(LeafSpec.forName("leaf-" + System.nanoTime() + ".test").withOcspUrl(ocspUrl))
                .certificate();
    }

    private static ResponderAnswer answer(ResponderProbe probe, X509Certificate... chain) {
        return probe.probe(ResponderProbeIT.observation(1, chain))
                .responderAnswers()
                .get(0);
    }

    private static ResponderPolicy deny(String rules) {
        return new ResponderPolicy(HostRules.NONE, HostRules.parse(rules));
    }

    private static ResponderOptions options(ResponderPolicy policy) {
        return ResponderOptions.defaults().withPolicy(policy);
    }

    private ResponderProbe probe(ResponderPolicy policy) {
        return new ResponderProbe(options(policy), anchors(), this::anchorsBySubject, this::lookup);
    }

    private InetAddress[] lookup(String host) throws UnknownHostException {
        lookups.incrementAndGet();
        List<InetAddress> found = dns.get(host);
        if (found == null) {
            throw new UnknownHostException(host + " (stand-in DNS)");
        }
        return found.toArray(InetAddress[]::new);
    }

    private Set<TrustAnchor> anchors() {
        return Set.of(new TrustAnchor(root.certificate(), null));
    }

    private List<X509Certificate> anchorsBySubject(X500Principal subject) {
        return subject.equals(root.certificate().getSubjectX500Principal()) ? List.of(root.certificate()) : List.of();
    }
}
