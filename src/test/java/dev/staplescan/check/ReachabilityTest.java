package dev.staplescan.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.staplescan.input.Target;
import dev.staplescan.scan.Observation;
import dev.staplescan.scan.Outcome;
import dev.staplescan.scan.TlsVersion;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReachabilityTest {

    private static Optional<Finding> finding(Scenario s) {
        return Reachability.finding(s.observation(), Policy.defaults());
    }

    @ParameterizedTest(name = "{0} under TLS 1.3 and {1} under TLS 1.2 -> {2}")
    @CsvSource({
        "CONNECT_REFUSED, CONNECT_REFUSED, CONNECT_REFUSED",
        "CONNECT_TIMEOUT, CONNECT_TIMEOUT, CONNECT_TIMEOUT",
        "HANDSHAKE_TIMEOUT, HANDSHAKE_TIMEOUT, HANDSHAKE_TIMEOUT",
        "NOT_TLS, NOT_TLS, NOT_TLS",
        "HANDSHAKE_FAILED, HANDSHAKE_FAILED, HANDSHAKE_FAILED",
        "PROTOCOL_NOT_SUPPORTED, PROTOCOL_NOT_SUPPORTED, HANDSHAKE_FAILED",
        "PROTOCOL_NOT_SUPPORTED, HANDSHAKE_TIMEOUT, HANDSHAKE_TIMEOUT",
        "CONNECT_TIMEOUT, HANDSHAKE_FAILED, HANDSHAKE_FAILED",
        "INTERNAL_ERROR, CONNECT_REFUSED, CONNECT_REFUSED"
    })
    void mapsTheFurthestStageReached(Outcome tls13, Outcome tls12, FindingCode expected) {
        // given two failed attempts
        Scenario s = Scenario.endpoint()
                .failed(TlsVersion.TLS_1_3, tls13, "detail 1.3")
                .failed(TlsVersion.TLS_1_2, tls12, "detail 1.2");
        // when
        Finding f = finding(s).orElseThrow();
        // then the code, the policy severity, and the attempts as evidence
        assertEquals(expected, f.code());
        assertEquals(expected.defaultSeverity(), f.severity());
        assertTrue(f.message().contains("TLSv1.2@192.0.2.1 " + tls12), f.message());
    }

    @Test
    void dnsFailureComesFromResolution() {
        // given
        Target t = new Target(1, "nowhere.example.test", 443, "nowhere.example.test", "", "", "");
        Observation o = new Observation(t, Scenario.NOW, 5, Outcome.DNS_FAILURE, List.of(), List.of(), "NXDOMAIN");
        // when
        Finding f = Reachability.finding(o, Policy.defaults()).orElseThrow();
        // then
        assertEquals(FindingCode.DNS_FAILURE, f.code());
        assertTrue(f.message().contains("NXDOMAIN"));
    }

    @Test
    void nothingWhenOneHandshakeCompleted() {
        // given a refused TLS 1.3 attempt but a completed TLS 1.2 one (the near miss of every case)
        Scenario s = Scenario.endpoint()
                .failed(TlsVersion.TLS_1_3, Outcome.PROTOCOL_NOT_SUPPORTED, "protocol_version")
                .handshake(TlsVersion.TLS_1_2, Scenario.chainOf(Scenario.leaf()), null);
        // when / then
        assertEquals(Optional.empty(), finding(s));
    }

    @Test
    void nothingWhenTheClientAbortedOverAMalformedStaple() {
        Scenario s = Scenario.endpoint().stapleAborted(TlsVersion.TLS_1_3, List.of());
        assertEquals(Optional.empty(), finding(s));
    }

    @Test
    void nothingForOurOwnInternalErrors() {
        Scenario s = Scenario.endpoint().failed(TlsVersion.TLS_1_3, Outcome.INTERNAL_ERROR, "NullPointerException");
        assertEquals(Optional.empty(), finding(s));
    }
}
