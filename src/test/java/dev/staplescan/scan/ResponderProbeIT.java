package dev.staplescan.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.staplescan.input.Target;
import dev.staplescan.lab.OcspRegistry;
import dev.staplescan.lab.OcspResponder;
import dev.staplescan.lab.pki.CertStatus;
import dev.staplescan.lab.pki.CertificateAuthority;
import dev.staplescan.lab.pki.IssuedCert;
import dev.staplescan.lab.pki.LeafSpec;
import java.security.cert.CertificateEncodingException;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The live query against the lab's OCSP responder on loopback, observations built by hand. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResponderProbeIT {

    private final CertificateAuthority root = CertificateAuthority.root("Probe IT Root");
    private final CertificateAuthority ca = root.intermediate("Probe IT CA");
    private OcspResponder responder;

    @BeforeAll
    void start() {
        OcspRegistry registry = new OcspRegistry();
        registry.addIssuer(ca);
        responder = OcspResponder.start(registry, Duration.ofMillis(200));
    }

    @AfterAll
    void stop() {
        responder.close();
    }

    @Test
    void aCertificateSharedByManyHostsIsAskedOnce() throws Exception {
        // given 200 endpoints presenting one certificate, scanned concurrently
        IssuedCert leaf = ca.issue(LeafSpec.forName("shared.test").withOcspUrl(responder.url()));
        responder.registry().register(leaf, CertStatus.REVOKED, Instant.now());
        long before = responder.requestCount();
        List<Future<Observation>> results = new ArrayList<>();
        // when
        try (ResponderProbe probe = probe(ResponderOptions.defaults());
                ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 200; i++) {
                Observation o = observation(i, leaf.certificate(), ca.certificate());
                results.add(pool.submit(() -> probe.probe(o)));
            }
            ResponderAnswer first = results.get(0).get().responderAnswers().get(0);
            for (Future<Observation> f : results) {
                // then every endpoint carries the one answer
                assertSame(first, f.get().responderAnswers().get(0));
            }
            assertEquals(1, probe.queriesSent());
            assertEquals(QueryOutcome.ANSWERED, first.outcome(), first::toString);
            assertEquals(200, first.httpStatus());
            assertEquals(OCSPResp.SUCCESSFUL, new OCSPResp(first.body()).getStatus());
            assertTrue(first.elapsedMillis() >= 200, first.elapsedMillis() + " ms");
            assertEquals(responder.url(), first.url());
        }
        assertEquals(before + 1, responder.requestCount());
    }

    @Test
    void theIssuerComesFromTheAnchorsWhenTheServerOmitsIt() {
        IssuedCert leaf = ca.issue(LeafSpec.forName("incomplete.test").withOcspUrl(responder.url()));
        try (ResponderProbe probe = new ResponderProbe(
                ResponderOptions.defaults(),
                Set.of(new TrustAnchor(ca.certificate(), null)),
                p -> p.equals(ca.certificate().getSubjectX500Principal()) ? List.of(ca.certificate()) : List.of())) {
            ResponderAnswer a = probe.probe(observation(1, leaf.certificate()))
                    .responderAnswers()
                    .get(0);

            assertEquals(QueryOutcome.ANSWERED, a.outcome(), a::toString);
            assertEquals(40, a.issuerKeyHash().length());
        }
    }

    @Test
    void withoutTheIssuerTheChainIsIncompleteAndNothingIsAsked() {
        IssuedCert leaf = ca.issue(LeafSpec.forName("orphan.test").withOcspUrl(responder.url()));
        long before = responder.requestCount();
        try (ResponderProbe probe = probe(ResponderOptions.defaults())) {
            ResponderAnswer a = probe.probe(observation(1, leaf.certificate()))
                    .responderAnswers()
                    .get(0);

            assertEquals(QueryOutcome.CHAIN_NOT_TRUSTED, a.outcome());
            assertTrue(a.error().startsWith("not queried: chain not trusted"), a.error());
            assertEquals(0, probe.queriesSent());
        }
        assertEquals(before, responder.requestCount());
    }

    @Test
    void aNonHttpUrlIsRefusedAndALeafWithoutUrlGetsNoAnswer() {
        IssuedCert ldap = ca.issue(LeafSpec.forName("ldap.test").withOcspUrl("ldap://ocsp.test/cn=x"));
        IssuedCert none = ca.issue(LeafSpec.forName("none.test"));
        try (ResponderProbe probe = probe(ResponderOptions.defaults())) {
            ResponderAnswer a = probe.probe(observation(1, ldap.certificate(), ca.certificate()))
                    .responderAnswers()
                    .get(0);

            assertEquals(QueryOutcome.URL_REFUSED, a.outcome());
            assertEquals(
                    List.of(),
                    probe.probe(observation(2, none.certificate(), ca.certificate()))
                            .responderAnswers());
        }
    }

    @Test
    void offMeansTheObservationIsUntouched() {
        IssuedCert leaf = ca.issue(LeafSpec.forName("off.test").withOcspUrl(responder.url()));
        Observation o = observation(1, leaf.certificate(), ca.certificate());
        try (ResponderProbe probe = probe(ResponderOptions.off())) {
            assertSame(o, probe.probe(o));
            assertNotNull(o.responderAnswers());
            assertEquals(0, probe.queriesSent());
        }
    }

    static Observation observation(long line, X509Certificate... chain) {
        List<byte[]> der = new ArrayList<>();
        for (X509Certificate c : chain) {
            try {
                der.add(c.getEncoded());
            } catch (CertificateEncodingException e) {
                throw new IllegalStateException(e);
            }
        }
        Handshake h = new Handshake(
                0,
                "127.0.0.1",
                TlsVersion.TLS_1_3,
                Outcome.OK,
                "TLSv1.3",
                "TLS_AES_128_GCM_SHA256",
                der,
                null,
                1,
                2,
                null);
        return new Observation(
                new Target(line, "host" + line + ".test", 443, "host" + line + ".test", "", "", ""),
                Instant.now(),
                3,
                Outcome.OK,
                List.of("127.0.0.1"),
                List.of(h),
                null);
    }

    /** A probe that trusts the IT's root. */
    private ResponderProbe probe(ResponderOptions options) {
        return new ResponderProbe(options, Set.of(new TrustAnchor(root.certificate(), null)), this::anchors);
    }

    private List<X509Certificate> anchors(X500Principal subject) {
        return subject.equals(root.certificate().getSubjectX500Principal()) ? List.of(root.certificate()) : List.of();
    }
}
