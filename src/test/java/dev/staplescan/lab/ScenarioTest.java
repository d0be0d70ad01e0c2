package dev.staplescan.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.staplescan.check.FindingCode;
import dev.staplescan.check.Severity;
import dev.staplescan.check.Verdict;
import dev.staplescan.scan.TlsVersion;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ScenarioTest {

    @ParameterizedTest
    @EnumSource(Scenario.class)
    void verdictFollowsFromDefaultSeveritiesOfExpectedCodes(Scenario scenario) {
        Set<FindingCode> codes = scenario.expectedCodes();
        Verdict derived;
        // Reachability codes mean "no handshake completed": their scenarios are ERROR, not FAIL.
        if (codes.stream().anyMatch(c -> c.area() == FindingCode.Area.REACHABILITY)) {
            derived = Verdict.ERROR;
        } else if (codes.stream().anyMatch(c -> c.defaultSeverity().atLeast(Severity.HIGH))) {
            derived = Verdict.FAIL;
        } else if (codes.stream().anyMatch(c -> c.defaultSeverity().atLeast(Severity.LOW))) {
            derived = Verdict.WARN;
        } else {
            derived = Verdict.PASS;
        }

        assertEquals(derived, scenario.expectedVerdict(), scenario + " " + codes);
    }

    @Test
    void firstTenAreInTheAgreedOrder() {
        List<Scenario> first = Arrays.asList(Scenario.values()).subList(0, 10);

        assertEquals(
                List.of(
                        Scenario.GOOD,
                        Scenario.NO_STAPLE,
                        Scenario.REVOKED,
                        Scenario.EXPIRED_STAPLE,
                        Scenario.WRONG_CERT_STAPLE,
                        Scenario.MUST_STAPLE_NO_STAPLE,
                        Scenario.NO_OCSP_URL,
                        Scenario.EXPIRED_CERT,
                        Scenario.WRONG_NAME,
                        Scenario.CLOSED_PORT),
                first);
    }

    @Test
    void everyScenarioTheSpecListsExists() {
        for (String name : List.of(
                "UNKNOWN_STATUS",
                "TRY_LATER",
                "MALFORMED_STAPLE",
                "STRANGER_SIGNED",
                "SIGNER_WITHOUT_EKU",
                "INTERMITTENT",
                "TLS12_ONLY_STAPLE",
                "EXPIRING_SOON_STAPLE",
                "STALE_STAPLE",
                "INCOMPLETE_CHAIN",
                "SELF_SIGNED",
                "NOT_TLS",
                "TARPIT",
                "TLS12_ONLY",
                "SLOW")) {
            Scenario.valueOf(name);
        }
    }

    @Test
    void everyCodeInTheCatalogueIsProducedByAtLeastOneScenario() {
        Set<FindingCode> produced = EnumSet.noneOf(FindingCode.class);
        for (Scenario scenario : Scenario.values()) {
            produced.addAll(scenario.expectedCodes());
        }

        assertEquals(
                EnumSet.allOf(FindingCode.class),
                produced,
                "codes without a lab scenario: " + EnumSet.complementOf(EnumSet.copyOf(produced)));
    }

    @ParameterizedTest
    @EnumSource(
            value = Scenario.class,
            names = {
                "NOT_YET_VALID_CERT",
                "EXPIRING_SOON_CERT",
                "UNTRUSTED_ROOT",
                "CORRUPTED_SIGNATURE",
                "NOT_YET_VALID_STAPLE",
                "NO_NEXT_UPDATE_STAPLE",
                "HANDSHAKE_ALERT",
                "FULL_BACKLOG",
                "UNRESOLVABLE"
            })
    void scenariosWithOneCodeEachHaveTheSameExpectationUnderEachVersion(Scenario scenario) {
        assertEquals(1, scenario.expectedCodes().size(), scenario.name());
        for (TlsVersion v : TlsVersion.values()) {
            assertEquals(scenario.expectedCodes(), scenario.expectedCodes(EnumSet.of(v)), scenario + " under " + v);
            assertEquals(scenario.expectedVerdict(), scenario.expectedVerdict(EnumSet.of(v)), scenario + " under " + v);
        }
    }

    @Test
    void sniIsLowerKebabUnderTheLabDomain() {
        assertEquals("good.lab.staplescan.test", Scenario.GOOD.sni());
        assertEquals("must-staple-no-staple.lab.staplescan.test", Scenario.MUST_STAPLE_NO_STAPLE.sni());
    }

    @Test
    void expectedCodesAreImmutableAndInCatalogueOrder() {
        Set<FindingCode> codes = Scenario.MUST_STAPLE_NO_STAPLE.expectedCodes();

        assertEquals(List.of(FindingCode.STAPLE_MISSING, FindingCode.MUST_STAPLE_VIOLATION), List.copyOf(codes));
        assertThrows(UnsupportedOperationException.class, () -> codes.add(FindingCode.CERT_EXPIRED));
        assertTrue(Scenario.GOOD.expectedCodes().isEmpty());
        assertFalse(Scenario.GOOD.description().isBlank());
    }

    @ParameterizedTest
    @EnumSource(Scenario.class)
    void perVersionVerdictIsDerivedTheSameWayAndBothVersionsIsTheDeclaredExpectation(Scenario scenario) {
        Set<TlsVersion> both = EnumSet.allOf(TlsVersion.class);

        assertEquals(scenario.expectedCodes(), scenario.expectedCodes(both));
        assertEquals(scenario.expectedVerdict(), scenario.expectedVerdict(both));
        for (TlsVersion v : TlsVersion.values()) {
            assertFalse(
                    scenario.expectedCodes(EnumSet.of(v)).contains(FindingCode.STAPLE_PROTOCOL_GAP),
                    "a gap between versions needs both: " + scenario);
        }
    }

    @Test
    void expectationsThatDependOnTheVersion() {
        Set<TlsVersion> tls13 = EnumSet.of(TlsVersion.TLS_1_3);
        Set<TlsVersion> tls12 = EnumSet.of(TlsVersion.TLS_1_2);

        assertEquals(Set.of(FindingCode.STAPLE_MISSING), Scenario.TLS12_ONLY_STAPLE.expectedCodes(tls13));
        assertEquals(Verdict.FAIL, Scenario.TLS12_ONLY_STAPLE.expectedVerdict(tls13));
        assertEquals(Set.of(), Scenario.TLS12_ONLY_STAPLE.expectedCodes(tls12));
        assertEquals(Verdict.PASS, Scenario.TLS12_ONLY_STAPLE.expectedVerdict(tls12));
        assertEquals(Set.of(FindingCode.HANDSHAKE_FAILED), Scenario.TLS12_ONLY.expectedCodes(tls13));
        assertEquals(Verdict.ERROR, Scenario.TLS12_ONLY.expectedVerdict(tls13));
        assertEquals(Verdict.PASS, Scenario.TLS12_ONLY.expectedVerdict(tls12));
        assertEquals(Scenario.NO_STAPLE.expectedCodes(), Scenario.NO_STAPLE.expectedCodes(tls12));
        assertEquals(Set.of(FindingCode.STAPLE_INCONSISTENT), Scenario.INCONSISTENT_BACKENDS.expectedCodes(tls13));
    }
}
