package dev.staplescan.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyTest {

    @Test
    void defaultsAreTheCatalogueAndTheDocumentedThresholds() {
        Policy p = Policy.defaults();
        assertEquals("default", p.name());
        for (FindingCode code : FindingCode.values()) {
            assertEquals(code.defaultSeverity(), p.severityOf(code), code.name());
        }
        assertEquals(Duration.ofDays(21), p.certExpiringSoon());
        assertEquals(Duration.ofHours(24), p.stapleExpiringSoon());
        assertEquals(Duration.ofDays(4), p.stapleMaxAge());
        assertEquals(Duration.ofMinutes(5), p.clockSkew());
    }

    @Test
    void overridesOneCodeAndKeepsTheRest() {
        Policy p = new Policy("strict", Map.of(FindingCode.OCSP_NOT_OFFERED, Severity.HIGH), Duration.ofDays(30),
                Duration.ofHours(48), Duration.ofDays(2), Duration.ZERO);
        assertEquals(Severity.HIGH, p.severityOf(FindingCode.OCSP_NOT_OFFERED));
        assertEquals(FindingCode.STAPLE_MISSING.defaultSeverity(), p.severityOf(FindingCode.STAPLE_MISSING));
        assertEquals(FindingCode.values().length, p.severities().size());
    }

    @Test
    void rejectsNegativeThresholdsAndBlankNames() {
        assertThrows(IllegalArgumentException.class, () -> Policy.defaults().withClockSkew(Duration.ofMinutes(-1)));
        assertThrows(IllegalArgumentException.class, () -> Policy.defaults().withName(" "));
    }
}
