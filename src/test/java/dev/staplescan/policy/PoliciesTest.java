package dev.staplescan.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.staplescan.check.FindingCode;
import dev.staplescan.check.Policy;
import dev.staplescan.check.Severity;
import dev.staplescan.check.Threshold;
import dev.staplescan.scan.HostRules;
import dev.staplescan.scan.ResponderPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PoliciesTest {

    @TempDir
    Path dir;

    @Test
    void theBuiltInDefaultFileIsExactlyPolicyDefaults() {
        Policies.Loaded loaded = Policies.load("default");

        assertEquals(Policy.defaults(), loaded.policy());
        assertEquals("default", loaded.reference());
        assertEquals(Policies.digest(Policy.defaults()), loaded.digest());
    }

    @Test
    void theCanonicalFormKeepsTheThresholdOrderRunsWereDigestedWith() {
        // A run keeps the digest of the canonical form to prove that a restart judges by the same
        // rules: new thresholds are appended, the first ones keep their order, or interrupted runs
        // would refuse to resume.
        List<String> lines = Policies.canonical(Policy.defaults())
                .lines()
                .filter(l -> l.startsWith("threshold."))
                .toList();

        assertEquals(
                List.of(
                        "threshold.cert-expiring-soon = 21d",
                        "threshold.staple-expiring-soon = 1d",
                        "threshold.staple-max-age = 4d",
                        "threshold.clock-skew = 5m",
                        "threshold.responder-slow = 2s"),
                lines.subList(0, 5));
    }

    @Test
    void theDefaultKeepsOcspNotOfferedInformational() {
        assertEquals(Severity.INFO, Policies.builtIn("default").severityOf(FindingCode.OCSP_NOT_OFFERED));
    }

    @Test
    void baselineRequirementsUsesTheBrRefreshLimitsAndNamesTheSections() {
        Policy br = Policies.builtIn("baseline-requirements");

        assertEquals("baseline-requirements", br.name());
        assertEquals(Duration.ofDays(4), br.threshold(Threshold.STAPLE_MAX_AGE));
        assertEquals(Duration.ofHours(4), br.threshold(Threshold.STAPLE_EXPIRY_WARNING));
        assertEquals(Duration.ofDays(21), br.threshold(Threshold.CERT_EXPIRY_WARNING));
        assertEquals(Duration.ofMinutes(5), br.clockSkew());
        assertEquals(Severity.INFO, br.severityOf(FindingCode.OCSP_NOT_OFFERED));
        assertEquals("CABF BR 4.9.10", br.controlOf(FindingCode.STAPLE_STALE));
        assertEquals("CABF BR 4.9.9", br.controlOf(FindingCode.STAPLE_UNAUTHORIZED_SIGNER));
        assertEquals("", br.controlOf(FindingCode.CERT_EXPIRED));
        for (FindingCode code : FindingCode.values()) {
            assertEquals(code.defaultSeverity(), br.severityOf(code), code.name());
        }
    }

    @Test
    void everyBuiltInLoadsAndUnknownNamesAreNotBuiltIns() {
        for (String name : Policies.BUILT_IN) {
            assertEquals(name, Policies.load(name).policy().name());
        }
        assertNull(Policies.builtIn("strict"));
    }

    @Test
    void aFileIsReferencedByItsAbsolutePathAndNamedByItsFileWhenItSetsNoName() throws IOException {
        Path file = Files.writeString(dir.resolve("pci.properties"), "severity.STAPLE_MISSING = LOW\n");

        Policies.Loaded loaded = Policies.load(file.toString());

        assertEquals(file.toAbsolutePath().normalize().toString(), loaded.reference());
        assertEquals("pci", loaded.policy().name());
        assertEquals(Severity.LOW, loaded.policy().severityOf(FindingCode.STAPLE_MISSING));
    }

    @Test
    void aMissingFileThatIsNoBuiltInIsAnError() {
        PolicyException e = assertThrows(PolicyException.class, () -> Policies.load("strcit"));

        assertEquals(
                "policy strcit: no such readable file, and not a built-in policy (built-ins: default, "
                        + "baseline-requirements)",
                e.getMessage());
        assertEquals(0, e.line());
        assertThrows(PolicyException.class, () -> Policies.load(" "));
    }

    @Test
    void errorsInAFileNameTheFileAsGiven() throws IOException {
        Path file = Files.writeString(dir.resolve("bad.properties"), "name = ok\nseverity.STAPLE_MISSING = LOUD\n");

        PolicyException e = assertThrows(PolicyException.class, () -> Policies.load(file.toString()));

        assertEquals(
                "policy " + file + ", line 2: severity.STAPLE_MISSING: 'LOUD' is not a severity; allowed: "
                        + "CRITICAL, HIGH, MEDIUM, LOW, INFO",
                e.getMessage());
        assertEquals(file.toString(), e.source());
        assertEquals(2, e.line());
    }

    @Test
    void aFileThatIsNotUtf8OrTooLargeIsAnError() throws IOException {
        Path latin1 = Files.write(
                dir.resolve("latin1.properties"),
                "control.STAPLE_MISSING = Contr\u00f4le 4\n".getBytes(StandardCharsets.ISO_8859_1));
        Path huge = Files.writeString(dir.resolve("huge.properties"), "#".repeat(Policies.MAX_BYTES + 1));

        assertEquals(
                "policy " + latin1 + ": the file is not UTF-8 text",
                assertThrows(PolicyException.class, () -> Policies.load(latin1.toString()))
                        .getMessage());
        assertEquals(
                "policy " + huge + ": the file is larger than 64 KiB; is it really a policy file?",
                assertThrows(PolicyException.class, () -> Policies.load(huge.toString()))
                        .getMessage());
    }

    @Test
    void theDigestIgnoresLayoutAndCommentsButNotSettings() throws IOException {
        Path a = Files.writeString(dir.resolve("a.properties"), "name = p\nseverity.STAPLE_MISSING = LOW\n");
        Path b =
                Files.writeString(dir.resolve("b.properties"), "# same rules\n\nseverity.STAPLE_MISSING=low\nname=p\n");
        Path c = Files.writeString(dir.resolve("c.properties"), "name = p\nseverity.STAPLE_MISSING = MEDIUM\n");

        assertEquals(
                Policies.load(a.toString()).digest(),
                Policies.load(b.toString()).digest());
        assertNotEquals(
                Policies.load(a.toString()).digest(),
                Policies.load(c.toString()).digest());
    }

    @Test
    void theCanonicalFormParsesBackToTheSamePolicy() {
        Policy p = Policies.builtIn("baseline-requirements")
                .withThreshold(Threshold.CLOCK_SKEW, Duration.ofSeconds(90))
                .withControl(FindingCode.STAPLE_MISSING, "PCI-DSS 4.2.1");

        String text = Policies.canonical(p);

        assertEquals(p, PolicyParser.parse("canonical", text, "x", Policies::builtIn));
        assertTrue(text.contains("threshold.clock-skew = 90s\n"), text);
        assertTrue(text.contains("threshold.staple-expiring-soon = 4h\n"), text);
    }

    @Test
    void durationsAcceptShortAndIsoFormsAndFormatShortest() {
        assertEquals(Duration.ofDays(21), PolicyDuration.parse("21d").orElseThrow());
        assertEquals(Duration.ofHours(24), PolicyDuration.parse("24H").orElseThrow());
        assertEquals(Duration.ofMinutes(5), PolicyDuration.parse("PT5M").orElseThrow());
        assertTrue(PolicyDuration.parse("5 weeks").isEmpty());
        assertTrue(PolicyDuration.parse("").isEmpty());
        assertEquals("1d", PolicyDuration.format(Duration.ofHours(24)));
        assertEquals("90s", PolicyDuration.format(Duration.ofSeconds(90)));
        assertEquals("0d", PolicyDuration.format(Duration.ZERO));
    }

    @Test
    void responderRulesArePartOfTheDigestOnlyWhenSet() {
        // A policy without them keeps the digest it had before they existed: its runs still restart.
        Policy plain = Policy.defaults();
        Policy denied = plain.withResponder(new ResponderPolicy(HostRules.NONE, HostRules.parse("10.0.0.0/8")));

        assertFalse(Policies.canonical(plain).contains("responder."));
        assertTrue(Policies.canonical(denied).contains("\nresponder.deny = 10.0.0.0/8\n"));
        assertNotEquals(Policies.digest(plain), Policies.digest(denied));
    }
}
