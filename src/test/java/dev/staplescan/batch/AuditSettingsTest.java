package dev.staplescan.batch;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.staplescan.scan.ScanOptions;
import dev.staplescan.scan.TlsVersion;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditSettingsTest {

    private static AuditSettings with(int partitions, int concurrency, int handshakes, double share) {
        return new AuditSettings(
                Path.of("h.csv"),
                null,
                null,
                "default",
                partitions,
                concurrency,
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                Duration.ofSeconds(5),
                handshakes,
                share,
                false);
    }

    @Test
    void defaultsAreValid() {
        assertDoesNotThrow(() -> with(
                AuditSettings.DEFAULT_PARTITIONS,
                AuditSettings.DEFAULT_CONCURRENCY,
                1,
                AuditSettings.DEFAULT_MAX_REJECTED_SHARE));
    }

    @Test
    void eachWrongValueIsNamedInTheMessage() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> with(0, 10, 1, 0.5))
                .getMessage()
                .startsWith("--partitions"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> with(8, 4, 1, 0.5))
                .getMessage()
                .contains("must be at least --partitions"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> with(1, 1, 0, 0.5))
                .getMessage()
                .startsWith("--handshakes"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> with(1, 1, 1, 1.5))
                .getMessage()
                .startsWith("--max-rejected-share"));
    }

    @Test
    void theShortConstructorAsksForBothVersionsOnTheFirstAddress() {
        AuditSettings s = with(1, 1, 1, 0.5);

        assertEquals(List.of(TlsVersion.TLS_1_3, TlsVersion.TLS_1_2), s.versions());
        assertFalse(s.allAddresses());
        assertEquals(ScanOptions.defaults().maxAddresses(), AuditSettings.DEFAULT_MAX_ADDRESSES);
        assertEquals(AuditSettings.DEFAULT_MAX_ADDRESSES, s.maxAddresses());
    }

    @Test
    void versionsAndAddressCapAreChecked() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> withAddresses(List.of(TlsVersion.TLS_1_2), 0))
                .getMessage()
                .startsWith("--max-addresses must be from 1 to 64"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> withAddresses(List.of(), 4))
                .getMessage()
                .startsWith("--tls"));
        assertEquals(
                List.of(TlsVersion.TLS_1_2),
                withAddresses(List.of(TlsVersion.TLS_1_2), 64).versions());
    }

    private static AuditSettings withAddresses(List<TlsVersion> versions, int max) {
        return new AuditSettings(
                Path.of("h.csv"),
                null,
                null,
                "default",
                1,
                1,
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                Duration.ofSeconds(5),
                1,
                0.5,
                false,
                versions,
                true,
                max,
                true,
                AuditSettings.DEFAULT_RESPONDER_TIMEOUT);
    }
}
