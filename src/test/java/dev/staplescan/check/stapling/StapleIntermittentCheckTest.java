package dev.staplescan.check.stapling;

import static dev.staplescan.check.Scenario.chainOf;
import static dev.staplescan.check.Scenario.goodStaple;
import static dev.staplescan.check.Scenario.leaf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.staplescan.check.Scenario;
import dev.staplescan.lab.pki.IssuedCert;
import dev.staplescan.scan.TlsVersion;
import java.util.List;
import org.junit.jupiter.api.Test;

class StapleIntermittentCheckTest {

    private final StapleIntermittentCheck check = new StapleIntermittentCheck();

    @Test
    void firesForAColdCacheOnOneAddress() {
        // given the first TLS 1.3 handshake without a staple, the next two with one
        IssuedCert leaf = leaf();
        Scenario s = Scenario.endpoint()
                .handshake(TlsVersion.TLS_1_3, chainOf(leaf), null)
                .handshake(TlsVersion.TLS_1_3, chainOf(leaf), goodStaple(leaf))
                .handshake(TlsVersion.TLS_1_3, chainOf(leaf), goodStaple(leaf));
        // when
        List<String> messages = s.messages(check);
        // then
        assertEquals(1, messages.size());
        assertTrue(messages.get(0).contains("2 of 3") && messages.get(0).contains("no,yes,yes"), messages.get(0));
    }

    @Test
    void doesNotFireWhenTheDifferenceIsBetweenVersions() {
        // given TLS 1.3 always staples and TLS 1.2 never does (a protocol gap, not intermittence)
        IssuedCert leaf = leaf();
        Scenario s = Scenario.endpoint()
                .handshake(TlsVersion.TLS_1_3, chainOf(leaf), goodStaple(leaf))
                .handshake(TlsVersion.TLS_1_3, chainOf(leaf), goodStaple(leaf))
                .handshake(TlsVersion.TLS_1_2, chainOf(leaf), null)
                .handshake(TlsVersion.TLS_1_2, chainOf(leaf), null);
        assertEquals(List.of(), s.messages(check));
    }
}
