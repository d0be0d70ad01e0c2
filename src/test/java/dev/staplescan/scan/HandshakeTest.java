package dev.staplescan.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A handshake's TLS version (the one that ran) and grouping by it. */
class HandshakeTest {

    @Test
    void aCompletedHandshakeRanTheVersionItNegotiated() {
        assertEquals(
                TlsVersion.TLS_1_3, completed(0, TlsVersion.TLS_1_3, "TLSv1.3").version());
        // asked for TLS 1.3, answered in TLS 1.2: its staple (or none) travelled in TLS 1.2
        assertEquals(
                TlsVersion.TLS_1_2, completed(0, TlsVersion.TLS_1_3, "TLSv1.2").version());
    }

    @Test
    void aHandshakeWithoutANegotiatedVersionCountsUnderTheOneAskedFor() {
        // aborted by the client over a malformed staple: no protocol recorded
        Handshake aborted = new Handshake(
                0, "192.0.2.1", TlsVersion.TLS_1_3, Outcome.STAPLE_MALFORMED, null, null, List.of(), null, 1, 2, "x");
        assertEquals(TlsVersion.TLS_1_3, aborted.version());
        // a protocol outside the versions we ask for cannot be grouped under it
        assertEquals(
                TlsVersion.TLS_1_2, completed(0, TlsVersion.TLS_1_2, "TLSv1.1").version());
    }

    @Test
    void byVersionListsTheVersionsThatRanInOrderAndKeepsTheHandshakeOrder() {
        // given a TLS 1.2 handshake first, then a TLS 1.3 request answered in TLS 1.2, then TLS 1.3
        Handshake first = completed(0, TlsVersion.TLS_1_2, "TLSv1.2");
        Handshake downgraded = completed(1, TlsVersion.TLS_1_3, "TLSv1.2");
        Handshake third = completed(2, TlsVersion.TLS_1_3, "TLSv1.3");

        Map<TlsVersion, List<Handshake>> byVersion = Handshake.byVersion(List.of(first, downgraded, third));

        assertEquals(List.of(TlsVersion.TLS_1_3, TlsVersion.TLS_1_2), List.copyOf(byVersion.keySet()));
        assertEquals(List.of(third), byVersion.get(TlsVersion.TLS_1_3));
        assertEquals(List.of(first, downgraded), byVersion.get(TlsVersion.TLS_1_2));
    }

    @Test
    void byVersionLeavesOutVersionsNothingRanUnder() {
        Map<TlsVersion, List<Handshake>> byVersion =
                Handshake.byVersion(List.of(completed(0, TlsVersion.TLS_1_3, "TLSv1.2")));
        assertEquals(List.of(TlsVersion.TLS_1_2), List.copyOf(byVersion.keySet()));
        assertEquals(Map.of(), Handshake.byVersion(List.of()));
    }

    private static Handshake completed(int sequence, TlsVersion asked, String negotiated) {
        return new Handshake(
                sequence,
                "192.0.2.1",
                asked,
                Outcome.OK,
                negotiated,
                "TLS_AES_128_GCM_SHA256",
                List.of(),
                null,
                1,
                2,
                null);
    }
}
