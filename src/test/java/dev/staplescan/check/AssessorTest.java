package dev.staplescan.check;

import static dev.staplescan.check.Scenario.ANCHORS;
import static dev.staplescan.check.Scenario.CA;
import static dev.staplescan.check.Scenario.NOW;
import static dev.staplescan.check.Scenario.chainOf;
import static dev.staplescan.check.Scenario.goodStaple;
import static dev.staplescan.check.Scenario.leaf;
import static dev.staplescan.check.Scenario.leafSpec;
import static dev.staplescan.check.Scenario.spec;
import static dev.staplescan.check.Scenario.staple;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.staplescan.lab.pki.CertStatus;
import dev.staplescan.lab.pki.IssuedCert;
import dev.staplescan.lab.pki.LeafSpec;
import dev.staplescan.scan.Observation;
import dev.staplescan.scan.Outcome;
import dev.staplescan.scan.TlsVersion;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class AssessorTest {

    private static List<FindingCode> codes(Assessment a) {
        return a.findings().stream().map(Finding::code).toList();
    }

    @Test
    void goodEndpointPasses() {
        // given an endpoint that staples a good response under both versions
        IssuedCert leaf = leaf();
        Scenario s = Scenario.endpoint()
                .handshake(TlsVersion.TLS_1_3, chainOf(leaf), goodStaple(leaf))
                .handshake(TlsVersion.TLS_1_2, chainOf(leaf), goodStaple(leaf));
        // when
        Assessment a = s.assess();
        // then
        assertEquals(Verdict.PASS, a.verdict(), a.findings().toString());
        assertEquals(List.of(), a.findings());
        assertEquals("TLSv1.3;TLSv1.2", a.facts().protocols());
        assertTrue(a.facts().stapled());
        assertEquals("good", a.facts().ocspStatus());
        assertFalse(a.facts().mustStaple()); // known (not null) and false
        assertEquals(Scenario.OCSP_URL, a.facts().responderUrl());
        assertEquals(Fmt.serial(leaf.certificate().getSerialNumber()), a.facts().serial());
    }

    @Test
    void infoFindingsStillPass() {
        // given a CRL-only certificate (OCSP_NOT_OFFERED is INFO by default)
        IssuedCert leaf = CA.issue(LeafSpec.forName(Scenario.NAME));
        Assessment a = Scenario.endpoint()
                .handshake(TlsVersion.TLS_1_3, chainOf(leaf), null)
                .assess();
        // then
        assertEquals(List.of(FindingCode.OCSP_NOT_OFFERED), codes(a));
        assertEquals(Verdict.PASS, a.verdict());
    }

    @Test
    void mediumOrLowFindingsWarn() {
        IssuedCert leaf = leaf();
        byte[] soon = staple(spec(leaf).withTimes(NOW.minus(Duration.ofDays(2)), NOW.plus(Duration.ofHours(3))));
        Assessment a = Scenario.endpoint()
                .handshake(TlsVersion.TLS_1_3, chainOf(leaf), soon)
                .assess();
        assertEquals(List.of(FindingCode.STAPLE_EXPIRING_SOON), codes(a));
        assertEquals(Verdict.WARN, a.verdict());
    }

    @Test
    void findingsAreSortedMostSevereFirstAndTheVerdictFails() {
        // given an expired, must-staple leaf without its intermediate and without a staple on TLS 1.2,
        // and a revoked staple on TLS 1.3
        IssuedCert leaf = CA.issue(leafSpec()
                .withMustStaple(true)
                .withValidity(NOW.minus(Duration.ofDays(90)), NOW.plus(Duration.ofDays(3))));
        byte[] revoked = staple(spec(leaf).withStatus(CertStatus.REVOKED, NOW.minus(Duration.ofDays(1))));
        Scenario s = Scenario.endpoint()
                .handshake(TlsVersion.TLS_1_3, Scenario.der(leaf.certificate()), revoked)
                .handshake(TlsVersion.TLS_1_2, Scenario.der(leaf.certificate()), null);
        // when
        Assessment a = s.assess();
        // then
        assertEquals(Verdict.FAIL, a.verdict());
        List<Severity> severities = a.findings().stream().map(Finding::severity).toList();
        List<Severity> sorted = new ArrayList<>(severities);
        sorted.sort(null);
        assertEquals(sorted, severities);
        assertTrue(
                codes(a).containsAll(List.of(
                        FindingCode.MUST_STAPLE_VIOLATION,
                        FindingCode.STAPLE_STATUS_REVOKED,
                        FindingCode.CERT_CHAIN_INCOMPLETE,
                        FindingCode.CERT_EXPIRING_SOON)),
                codes(a).toString());
        assertEquals(Severity.CRITICAL, a.findings().get(0).severity());
    }

    @Test
    void thePolicyDecidesSeverityAndSoTheVerdict() {
        // given a policy that treats CRL-only certificates as HIGH
        Policy strict =
                Policy.defaults().withName("ocsp-required").withSeverity(FindingCode.OCSP_NOT_OFFERED, Severity.HIGH);
        IssuedCert leaf = CA.issue(LeafSpec.forName(Scenario.NAME));
        Observation o = Scenario.endpoint()
                .handshake(TlsVersion.TLS_1_3, chainOf(leaf), null)
                .observation();
        // when
        Assessment a = new Assessor(ANCHORS, strict).assess(o);
        // then
        assertEquals(Severity.HIGH, a.findings().get(0).severity());
        assertEquals(Verdict.FAIL, a.verdict());
    }

    @Test
    void unreachableEndpointIsAnErrorWithOnlyTheReachabilityFinding() {
        Assessment a = Scenario.endpoint()
                .failed(TlsVersion.TLS_1_3, Outcome.CONNECT_REFUSED, "Connection refused")
                .failed(TlsVersion.TLS_1_2, Outcome.CONNECT_REFUSED, "Connection refused")
                .assess();
        assertEquals(Verdict.ERROR, a.verdict());
        assertEquals(List.of(FindingCode.CONNECT_REFUSED), codes(a));
        assertNull(a.facts().protocols());
    }

    @Test
    void anAbortOverAMalformedStapleIsReachableAndFails() {
        // given TLS 1.3 aborted over the staple, TLS 1.2 completed with garbage stapled
        IssuedCert leaf = leaf();
        Assessment a = Scenario.endpoint()
                .stapleAborted(TlsVersion.TLS_1_3, List.of())
                .handshake(TlsVersion.TLS_1_2, chainOf(leaf), new byte[] {1, 2, 3})
                .assess();
        // then one STAPLE_MALFORMED for the endpoint, and no STAPLE_MISSING
        assertEquals(Verdict.FAIL, a.verdict());
        assertEquals(List.of(FindingCode.STAPLE_MALFORMED), codes(a));
        assertTrue(
                a.findings().get(0).message().contains("2 of 2 stapled handshakes"),
                a.findings().get(0).message());
    }

    @Test
    void assessesAtTheObservationInstantByDefault() {
        // given a staple valid when observed, re-assessed later
        IssuedCert leaf = leaf();
        Observation o = Scenario.endpoint()
                .handshake(TlsVersion.TLS_1_3, chainOf(leaf), goodStaple(leaf))
                .observation();
        Assessor assessor = new Assessor(ANCHORS, Policy.defaults());
        // when / then
        assertEquals(Verdict.PASS, assessor.assess(o).verdict());
        assertTrue(codes(assessor.assess(o, NOW.plus(Duration.ofDays(5)))).contains(FindingCode.STAPLE_EXPIRED));
    }

    @Test
    void aChainSharedByManyHostsIsValidatedOnceAcrossThreads() throws Exception {
        // given 200 endpoints presenting the same chain, assessed from 16 threads
        IssuedCert leaf = leaf();
        byte[] s = goodStaple(leaf);
        Observation o = Scenario.endpoint()
                .handshake(TlsVersion.TLS_1_3, chainOf(leaf), s)
                .observation();
        Assessor assessor = new Assessor(ANCHORS, Policy.defaults());
        List<Future<Assessment>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            for (int i = 0; i < 200; i++) {
                results.add(pool.submit(() -> assessor.assess(o)));
            }
            // when
            for (Future<Assessment> r : results) {
                assertEquals(Verdict.PASS, r.get().verdict());
            }
        }
        // then
        assertEquals(1, assessor.chainValidations());
    }

    @Test
    void theCacheIsBounded() {
        // given a cache of 2 chains and 3 distinct chains, the first one asked for again
        Assessor assessor = new Assessor(ANCHORS, Policy.defaults(), Checks.all(), 2);
        List<Observation> three = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            three.add(Scenario.endpoint()
                    .handshake(TlsVersion.TLS_1_3, chainOf(leaf()), null)
                    .observation());
        }
        // when
        three.forEach(assessor::assess);
        assessor.assess(three.get(0));
        // then the first was evicted and validated again
        assertEquals(4, assessor.chainValidations());
    }
}
