package dev.staplescan.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.staplescan.check.FindingCode;
import dev.staplescan.check.Policy;
import dev.staplescan.check.Severity;
import dev.staplescan.check.Threshold;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PolicyParserTest {

    private static Policy parse(String text) {
        return PolicyParser.parse("strict.properties", text, "strict", Policies::builtIn);
    }

    /** Parses text that must fail and returns the message, after checking it names the file. */
    private static String error(String text) {
        PolicyException e = assertThrows(PolicyException.class, () -> parse(text));
        assertTrue(e.getMessage().startsWith("policy strict.properties"), e.getMessage());
        return e.getMessage();
    }

    @Test
    void setsNameSeveritiesThresholdsAndControls() {
        Policy p = parse("""
                # PCI edge policy
                ! also a comment
                name = pci-edge
                severity.STAPLE_MISSING = MEDIUM
                severity.OCSP_NOT_OFFERED=high
                control.STAPLE_MISSING = PCI-DSS 4.2.1
                threshold.cert-expiring-soon = 30d
                threshold.staple-expiring-soon = 12h
                threshold.staple-max-age = P2D
                threshold.clock-skew = 90s
                """);

        assertEquals("pci-edge", p.name());
        assertEquals(Severity.MEDIUM, p.severityOf(FindingCode.STAPLE_MISSING));
        assertEquals(Severity.HIGH, p.severityOf(FindingCode.OCSP_NOT_OFFERED));
        assertEquals(FindingCode.CERT_EXPIRED.defaultSeverity(), p.severityOf(FindingCode.CERT_EXPIRED));
        assertEquals("PCI-DSS 4.2.1", p.controlOf(FindingCode.STAPLE_MISSING));
        assertEquals("", p.controlOf(FindingCode.CERT_EXPIRED));
        assertEquals(Duration.ofDays(30), p.threshold(Threshold.CERT_EXPIRY_WARNING));
        assertEquals(Duration.ofHours(12), p.threshold(Threshold.STAPLE_EXPIRY_WARNING));
        assertEquals(Duration.ofDays(2), p.threshold(Threshold.STAPLE_MAX_AGE));
        assertEquals(Duration.ofSeconds(90), p.clockSkew());
    }

    @Test
    void anEmptyFileIsTheDefaultPolicyUnderTheFileName() {
        Policy p = parse("\uFEFF# nothing but a comment\r\n\r\n");

        assertEquals(Policy.defaults().withName("strict"), p);
    }

    @Test
    void startsFromABuiltInBaseAndAnEmptyControlRemovesTheBasesControl() {
        Policy p = parse("base = baseline-requirements\ncontrol.STAPLE_STALE =\nseverity.STAPLE_STALE = HIGH\n");

        assertEquals("strict", p.name());
        assertEquals(Duration.ofHours(4), p.threshold(Threshold.STAPLE_EXPIRY_WARNING));
        assertEquals(Severity.HIGH, p.severityOf(FindingCode.STAPLE_STALE));
        assertEquals("", p.controlOf(FindingCode.STAPLE_STALE));
        assertEquals("CABF BR 4.9.9", p.controlOf(FindingCode.STAPLE_UNAUTHORIZED_SIGNER));
    }

    @Test
    void aLineWithoutEqualsSignIsAnError() {
        assertEquals(
                "policy strict.properties, line 2: expected 'key = value' (e.g. severity.STAPLE_MISSING = MEDIUM), "
                        + "got 'severity.STAPLE_MISSING: MEDIUM'",
                error("name = x\nseverity.STAPLE_MISSING: MEDIUM\n"));
        assertTrue(error("= MEDIUM").contains("line 1: expected 'key = value'"));
    }

    @Test
    void lineContinuationsAreAnError() {
        assertEquals(
                "policy strict.properties, line 1: line continuations (a trailing \\) are not supported; "
                        + "write each setting on one line",
                error("control.STAPLE_MISSING = PCI \\\n  4.2.1\n"));
    }

    @Test
    void aRepeatedKeyIsAnErrorNamingBothLines() {
        assertEquals(
                "policy strict.properties, line 3: key 'severity.STAPLE_MISSING' is already set on line 1; "
                        + "each key may appear once",
                error("severity.STAPLE_MISSING = LOW\n\nseverity.STAPLE_MISSING = HIGH\n"));
    }

    @Test
    void anUnknownKeyIsAnErrorWithAHintAndTheAllowedKeys() {
        String m = error("treshold.clock-skew = 5m");

        assertTrue(
                m.startsWith("policy strict.properties, line 1: unknown key 'treshold.clock-skew' "
                        + "(did you mean threshold.clock-skew?); allowed keys: name, base, severity.<CODE>, control.<CODE>, "
                        + "threshold.cert-expiring-soon, threshold.staple-expiring-soon, threshold.staple-max-age, "
                        + "threshold.clock-skew, threshold.responder-slow, responder.allow, responder.deny"),
                m);
        assertTrue(error("colour = blue")
                .endsWith("unknown key 'colour'; allowed keys: name, base, severity.<CODE>, "
                        + "control.<CODE>, threshold.cert-expiring-soon, threshold.staple-expiring-soon, "
                        + "threshold.staple-max-age, threshold.clock-skew, threshold.responder-slow, "
                        + "responder.allow, responder.deny"));
        assertTrue(error("responder.dney = 10.0.0.0/8").contains("(did you mean responder.deny?)"));
    }

    @Test
    void responderRulesLimitWhereLiveQueriesGo() {
        Policy p = parse("responder.deny = 10.0.0.0/8, *.corp.example\nresponder.allow = private,ocsp.example.com");

        assertEquals("private,ocsp.example.com", p.responder().allow().toString());
        assertEquals("10.0.0.0/8,*.corp.example", p.responder().deny().toString());
        assertTrue(Policy.defaults().responder().allow().isEmpty());
    }

    @Test
    void aWrongResponderRuleIsAnErrorNamingTheLine() {
        assertEquals(
                "policy strict.properties, line 2: responder.deny: '10.0.0.1/8' has bits set after the /8 prefix; "
                        + "did you mean 10.0.0.0/8?",
                error("name = x\nresponder.deny = 10.0.0.1/8"));
    }

    @Test
    void anUnknownCodeIsAnErrorNotASilentNoOp() {
        String m = error("name = x\nseverity.STAPLE_MISING = LOW");

        assertTrue(
                m.startsWith("policy strict.properties, line 2: unknown finding code 'STAPLE_MISING' in key "
                        + "'severity.STAPLE_MISING' (did you mean severity.STAPLE_MISSING?); codes: DNS_FAILURE, "),
                m);
        assertTrue(m.endsWith(", OCSP_RESPONDER_SLOW, OCSP_RESPONDER_BLOCKED"), m);
        assertTrue(error("control.staple_missing = X")
                .contains("unknown finding code 'staple_missing' in key "
                        + "'control.staple_missing' (did you mean control.STAPLE_MISSING?)"));
        assertTrue(error("severity. = LOW").contains("unknown finding code '' in key 'severity.'"));
    }

    @Test
    void aSeverityMustBeOneOfTheFive() {
        assertEquals(
                "policy strict.properties, line 1: severity.STAPLE_MISSING: 'SEVERE' is not a severity; "
                        + "allowed: CRITICAL, HIGH, MEDIUM, LOW, INFO",
                error("severity.STAPLE_MISSING = SEVERE"));
        assertEquals(
                "policy strict.properties, line 1: severity.STAPLE_MISSING has no value",
                error("severity.STAPLE_MISSING ="));
    }

    @Test
    void aThresholdMustBeANonNegativeDuration() {
        String forms = "write a whole number with a unit d, h, m or s (e.g. 21d, 24h, 5m, 30s), or ISO-8601 "
                + "(e.g. P21D, PT5M)";
        assertEquals(
                "policy strict.properties, line 1: threshold.staple-max-age: '4 days' is not a duration; " + forms,
                error("threshold.staple-max-age = 4 days"));
        assertEquals(
                "policy strict.properties, line 1: threshold.clock-skew: '-5m' is not a duration; " + forms,
                error("threshold.clock-skew = -5m"));
        assertEquals(
                "policy strict.properties, line 1: threshold.clock-skew: 'PT-5M' is not a duration; " + forms,
                error("threshold.clock-skew = PT-5M"));
        assertEquals(
                "policy strict.properties, line 1: threshold.cert-expiring-soon: '21' is not a duration; " + forms,
                error("threshold.cert-expiring-soon = 21"));
        assertEquals(
                "policy strict.properties, line 1: threshold.cert-expiring-soon has no value",
                error("threshold.cert-expiring-soon = "));
        assertEquals(Duration.ZERO, parse("threshold.clock-skew = 0s").clockSkew());
    }

    @Test
    void aNameIsShortPlainText() {
        assertEquals(
                "policy strict.properties, line 1: name: '../etc' is not a policy name; use 1 to 64 letters, "
                        + "digits, spaces, '.', '_' or '-', starting with a letter or digit",
                error("name = ../etc"));
        assertEquals("policy strict.properties, line 1: name has no value", error("name ="));
        assertEquals("PCI edge 2026.1", parse("name = PCI edge 2026.1").name());
    }

    @Test
    void aBaseMustBeABuiltIn() {
        assertEquals(
                "policy strict.properties, line 1: base: 'lax' is not a built-in policy; allowed: default, "
                        + "baseline-requirements",
                error("base = lax"));
    }

    @Test
    void aControlIdIsBoundedTextWithoutControlCharacters() {
        String expected = "policy strict.properties, line 1: control.STAPLE_MISSING: a control ID is at most 200 "
                + "characters of text without tabs or control characters";
        assertEquals(expected, error("control.STAPLE_MISSING = " + "x".repeat(201)));
        assertEquals(expected, error("control.STAPLE_MISSING = PCI\t4.2.1"));
        assertEquals(
                "x".repeat(200),
                parse("control.STAPLE_MISSING = " + "x".repeat(200)).controlOf(FindingCode.STAPLE_MISSING));
    }

    @Test
    void anOverlongValueIsShortenedInTheMessage() {
        String m = error("severity.STAPLE_MISSING = " + "Y".repeat(500));

        assertTrue(m.contains("'" + "Y".repeat(80) + "...' is not a severity"), m);
    }
}
