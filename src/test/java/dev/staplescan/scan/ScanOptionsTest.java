package dev.staplescan.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScanOptionsTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        ScanOptions o = ScanOptions.defaults();

        assertEquals(Duration.ofSeconds(5), o.connectTimeout());
        assertEquals(Duration.ofSeconds(10), o.handshakeTimeout());
        assertEquals(Duration.ofSeconds(30), o.totalTimeout());
        assertEquals(Duration.ofSeconds(5), o.resolveTimeout());
        assertEquals(List.of(TlsVersion.TLS_1_3, TlsVersion.TLS_1_2), o.versions());
        assertEquals(1, o.handshakesPerVersion());
        assertFalse(o.allAddresses());
        assertEquals(4, o.maxAddresses());
        assertEquals(32, o.resolverThreads());
    }

    @Test
    void rejectsNonPositiveTimeouts() {
        ScanOptions d = ScanOptions.defaults();

        assertThrows(IllegalArgumentException.class, () -> d.withConnectTimeout(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> d.withHandshakeTimeout(Duration.ofMillis(-1)));
        assertThrows(IllegalArgumentException.class, () -> d.withTotalTimeout(Duration.ofNanos(10)));
        assertThrows(NullPointerException.class, () -> d.withResolveTimeout(null));
    }

    @Test
    void rejectsEmptyDuplicateOrNullVersions() {
        ScanOptions d = ScanOptions.defaults();
        List<TlsVersion> withNull = new ArrayList<>();
        withNull.add(null);

        assertThrows(IllegalArgumentException.class, d::withVersions);
        assertThrows(IllegalArgumentException.class, () -> d.withVersions(TlsVersion.TLS_1_2, TlsVersion.TLS_1_2));
        assertThrows(
                NullPointerException.class,
                () -> new ScanOptions(
                        d.connectTimeout(),
                        d.handshakeTimeout(),
                        d.totalTimeout(),
                        d.resolveTimeout(),
                        withNull,
                        1,
                        false,
                        4,
                        1));
    }

    @Test
    void rejectsCountsOutOfRange() {
        ScanOptions d = ScanOptions.defaults();

        assertThrows(IllegalArgumentException.class, () -> d.withHandshakesPerVersion(0));
        assertThrows(
                IllegalArgumentException.class,
                () -> d.withHandshakesPerVersion(ScanOptions.MAX_HANDSHAKES_PER_VERSION + 1));
        assertThrows(IllegalArgumentException.class, () -> d.withAllAddresses(true, 0));
        assertThrows(IllegalArgumentException.class, () -> d.withResolverThreads(0));
    }

    @Test
    void versionsKeepTheGivenOrderAndCannotBeChangedAfterwards() {
        ScanOptions o = ScanOptions.defaults().withVersions(TlsVersion.TLS_1_2, TlsVersion.TLS_1_3);

        assertEquals(List.of(TlsVersion.TLS_1_2, TlsVersion.TLS_1_3), o.versions());
        assertThrows(UnsupportedOperationException.class, () -> o.versions().add(TlsVersion.TLS_1_3));
    }

    @Test
    void onlyTheFirstAddressUnlessAllAreAskedForThenUpToTheCap() {
        ScanOptions first = ScanOptions.defaults();
        ScanOptions all = first.withAllAddresses(true, 2);

        assertEquals(1, first.addressesToScan(5));
        assertEquals(2, all.addressesToScan(5));
        assertEquals(1, all.addressesToScan(1));
    }
}
