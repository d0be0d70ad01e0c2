package dev.staplescan.check;

import static dev.staplescan.check.Scenario.chainOf;
import static dev.staplescan.check.Scenario.goodStaple;
import static dev.staplescan.check.Scenario.leaf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.staplescan.lab.pki.IssuedCert;
import dev.staplescan.scan.Outcome;
import dev.staplescan.scan.TlsVersion;
import org.junit.jupiter.api.Test;

/** The per-version stapling facts (endpoints.csv {@code stapled_tls13}, {@code stapled_tls12}). */
class FactsTest {

    @Test
    void stapledPerVersionIsTrueFalseOrUnknown() {
        // given a server that staples under TLS 1.2 only, and one that refuses TLS 1.3
        IssuedCert leaf = leaf();
        EndpointFacts gap = Facts.of(Scenario.endpoint()
                .handshake(TlsVersion.TLS_1_3, chainOf(leaf), null)
                .handshake(TlsVersion.TLS_1_2, chainOf(leaf), goodStaple(leaf))
                .evidence(Policy.defaults(), Scenario.ANCHORS));
        EndpointFacts noTls13 = Facts.of(Scenario.endpoint()
                .failed(TlsVersion.TLS_1_3, Outcome.PROTOCOL_NOT_SUPPORTED, "protocol_version")
                .handshake(TlsVersion.TLS_1_2, chainOf(leaf), goodStaple(leaf))
                .evidence(Policy.defaults(), Scenario.ANCHORS));

        assertEquals(false, gap.stapledTls13());
        assertEquals(true, gap.stapledTls12());
        assertNull(noTls13.stapledTls13(), "TLS 1.3 never reached the server");
        assertEquals(true, noTls13.stapledTls12());
    }

    @Test
    void aTls13RequestAnsweredInTls12CountsUnderTls12() {
        // given the server answered the TLS 1.3 request in TLS 1.2, with a staple
        IssuedCert leaf = leaf();
        EndpointFacts facts = Facts.of(Scenario.endpoint()
                .negotiated(TlsVersion.TLS_1_3, TlsVersion.TLS_1_2, chainOf(leaf), goodStaple(leaf))
                .evidence(Policy.defaults(), Scenario.ANCHORS));

        // then it says nothing about stapling under TLS 1.3
        assertNull(facts.stapledTls13());
        assertEquals(true, facts.stapledTls12());
        assertEquals("TLSv1.2", facts.protocols());
    }
}
