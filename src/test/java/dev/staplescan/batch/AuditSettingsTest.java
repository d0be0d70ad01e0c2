package dev.staplescan.batch;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AuditSettingsTest {

    private static AuditSettings with(int partitions, int concurrency, int handshakes, double share) {
        return new AuditSettings(Path.of("h.csv"), null, null, "default", partitions, concurrency,
                Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(5), handshakes, share, false);
    }

    @Test
    void defaultsAreValid() {
        assertDoesNotThrow(() -> with(AuditSettings.DEFAULT_PARTITIONS, AuditSettings.DEFAULT_CONCURRENCY, 1,
                AuditSettings.DEFAULT_MAX_REJECTED_SHARE));
    }

    @Test
    void eachWrongValueIsNamedInTheMessage() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> with(0, 10, 1, 0.5)).getMessage()
                .startsWith("--partitions"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> with(8, 4, 1, 0.5)).getMessage()
                .contains("must be at least --partitions"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> with(1, 1, 0, 0.5)).getMessage()
                .startsWith("--handshakes"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> with(1, 1, 1, 1.5)).getMessage()
                .startsWith("--max-rejected-share"));
    }
}
