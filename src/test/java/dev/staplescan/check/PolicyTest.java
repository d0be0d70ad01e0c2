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
        Policy p = new Policy(
                "strict",
                Map.of(FindingCode.OCSP_NOT_OFFERED, Severity.HIGH),
                Duration.ofDays(30),
                Duration.ofHours(48),
                Duration.ofDays(2),
                Duration.ZERO);
        assertEquals(Severity.HIGH, p.severityOf(FindingCode.OCSP_NOT_OFFERED));
        assertEquals(FindingCode.STAPLE_MISSING.defaultSeverity(), p.severityOf(FindingCode.STAPLE_MISSING));
        assertEquals(FindingCode.values().length, p.severities().size());
    }

    @Test
    void rejectsNegativeThresholdsAndBlankNames() {
        assertThrows(IllegalArgumentException.class, () -> Policy.defaults().withClockSkew(Duration.ofMinutes(-1)));
        assertThrows(IllegalArgumentException.class, () -> Policy.defaults().withName(" "));
    }

    @Test
    void controlsAreOptionalPerCodeAndABlankOneRemovesTheMapping() {
        Policy p = Policy.defaults().withControl(FindingCode.STAPLE_MISSING, " PCI-DSS 4.2.1 ");

        assertEquals("PCI-DSS 4.2.1", p.controlOf(FindingCode.STAPLE_MISSING));
        assertEquals("", p.controlOf(FindingCode.STAPLE_STALE));
        assertEquals("", p.withControl(FindingCode.STAPLE_MISSING, "").controlOf(FindingCode.STAPLE_MISSING));
        assertEquals(Policy.defaults(), p.withControl(FindingCode.STAPLE_MISSING, " "));
        assertThrows(IllegalArgumentException.class, () -> p.withControl(FindingCode.STAPLE_MISSING, "a\nb"));
        assertThrows(
                IllegalArgumentException.class,
                () -> p.withControl(FindingCode.STAPLE_MISSING, "x".repeat(Policy.MAX_CONTROL_LENGTH + 1)));
    }

    @Test
    void findingsTakeSeverityAndControlFromThePolicy() {
        Policy p = Policy.defaults()
                .withSeverity(FindingCode.STAPLE_MISSING, Severity.LOW)
                .withControl(FindingCode.STAPLE_MISSING, "PCI-DSS 4.2.1");

        assertEquals(
                new Finding(FindingCode.STAPLE_MISSING, Severity.LOW, "m", "PCI-DSS 4.2.1"),
                Finding.of(FindingCode.STAPLE_MISSING, p, "m"));
        assertEquals("", new Finding(FindingCode.STAPLE_MISSING, Severity.LOW, "m").control());
    }
}
