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
        assertEquals(Duration.ofDays(21), p.threshold(Threshold.CERT_EXPIRY_WARNING));
        assertEquals(Duration.ofHours(24), p.threshold(Threshold.STAPLE_EXPIRY_WARNING));
        assertEquals(Duration.ofDays(4), p.threshold(Threshold.STAPLE_MAX_AGE));
        assertEquals(Duration.ofMinutes(5), p.clockSkew());
        assertEquals(Duration.ofSeconds(2), p.threshold(Threshold.RESPONDER_SLOW));
    }

    @Test
    void overridesOneCodeAndKeepsTheRest() {
        Policy p = new Policy(
                "strict",
                Map.of(FindingCode.OCSP_NOT_OFFERED, Severity.HIGH),
                Map.of(Threshold.CLOCK_SKEW, Duration.ZERO),
                Map.of());
        assertEquals(Severity.HIGH, p.severityOf(FindingCode.OCSP_NOT_OFFERED));
        assertEquals(FindingCode.STAPLE_MISSING.defaultSeverity(), p.severityOf(FindingCode.STAPLE_MISSING));
        assertEquals(FindingCode.values().length, p.severities().size());
        assertEquals(Duration.ZERO, p.clockSkew());
        assertEquals(Duration.ofDays(21), p.threshold(Threshold.CERT_EXPIRY_WARNING));
        assertEquals(Threshold.values().length, p.thresholds().size());
    }

    @Test
    void aCodeReadsTheThresholdItsCatalogueEntryNames() {
        Policy p = Policy.defaults().withThreshold(Threshold.STAPLE_MAX_AGE, Duration.ofDays(2));

        assertEquals(Duration.ofDays(2), p.thresholdOf(FindingCode.STAPLE_STALE));
        assertEquals(Duration.ofSeconds(2), p.thresholdOf(FindingCode.OCSP_RESPONDER_SLOW));
        assertThrows(IllegalArgumentException.class, () -> p.thresholdOf(FindingCode.STAPLE_MISSING));
    }

    @Test
    void rejectsNegativeThresholdsAndBlankNames() {
        assertThrows(
                IllegalArgumentException.class,
                () -> Policy.defaults().withThreshold(Threshold.CLOCK_SKEW, Duration.ofMinutes(-1)));
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
