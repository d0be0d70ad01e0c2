package dev.staplescan.check;

import static dev.staplescan.check.Scenario.chainOf;
import static dev.staplescan.check.Scenario.goodStaple;
import static dev.staplescan.check.Scenario.leaf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.staplescan.lab.pki.IssuedCert;
import dev.staplescan.scan.TlsVersion;
import org.junit.jupiter.api.Test;

class AssessorTest {

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
        assertTrue(a.findings().isEmpty());
        assertEquals("TLSv1.3;TLSv1.2", a.facts().protocols());
        assertEquals("good", a.facts().ocspStatus());
    }
}
