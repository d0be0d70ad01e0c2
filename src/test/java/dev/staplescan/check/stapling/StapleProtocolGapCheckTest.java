package dev.staplescan.check.stapling;

import static dev.staplescan.check.Scenario.chainOf;
import static dev.staplescan.check.Scenario.goodStaple;
import static dev.staplescan.check.Scenario.leaf;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.staplescan.check.Scenario;
import dev.staplescan.lab.pki.IssuedCert;
import dev.staplescan.scan.Outcome;
import dev.staplescan.scan.TlsVersion;
import java.util.List;
import org.junit.jupiter.api.Test;

class StapleProtocolGapCheckTest {

    private final StapleProtocolGapCheck check = new StapleProtocolGapCheck();

    @Test
    void firesWhenOnlyTls12Staples() {
        // given
        IssuedCert leaf = leaf();
        Scenario s = Scenario.endpoint()
                .handshake(TlsVersion.TLS_1_3, chainOf(leaf), null)
                .handshake(TlsVersion.TLS_1_2, chainOf(leaf), goodStaple(leaf));
        // when / then
        assertEquals(
                List.of("the server staples under TLSv1.2 (1 handshake) but not under TLSv1.3 (1 handshake)"),
                s.messages(check));
    }

    @Test
    void doesNotFireWhenTheOtherVersionIsNotOffered() {
        // given TLS 1.3 refused by the server, TLS 1.2 stapling
        IssuedCert leaf = leaf();
        Scenario s = Scenario.endpoint()
                .failed(TlsVersion.TLS_1_3, Outcome.PROTOCOL_NOT_SUPPORTED, "protocol_version")
                .handshake(TlsVersion.TLS_1_2, chainOf(leaf), goodStaple(leaf));
        assertEquals(List.of(), s.messages(check));
    }

    @Test
    void comparesTheVersionsThatRanNotTheOnesAskedFor() {
        // given a TLS 1.3 request the server answered in TLS 1.2 without a staple, and a stapled TLS 1.2
        // handshake: both ran TLS 1.2, so nothing is known about TLS 1.3 stapling
        IssuedCert leaf = leaf();
        Scenario s = Scenario.endpoint()
                .negotiated(TlsVersion.TLS_1_3, TlsVersion.TLS_1_2, chainOf(leaf), null)
                .handshake(TlsVersion.TLS_1_2, chainOf(leaf), goodStaple(leaf));
        // when / then: no gap (grouped by the version asked for, TLS 1.3 would look bare)
        assertEquals(List.of(), s.messages(check));
    }
}
