package dev.staplescan.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.staplescan.check.Assessment;
import dev.staplescan.check.EndpointFacts;
import dev.staplescan.check.Finding;
import dev.staplescan.check.FindingCode;
import dev.staplescan.check.Verdict;
import dev.staplescan.input.Target;
import dev.staplescan.report.GroupBy;
import dev.staplescan.report.GroupFigures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/** The database counts valid staples exactly as {@link Assessment#validStaple()} decides them, for every code. */
class ValidStapleTest {

    @TempDir
    Path dir;

    @Test
    void theSqlCountAgreesWithTheDomainRuleForEveryCode() {
        // given one endpoint per catalogue code (a good staple plus that one finding), one clean good
        // staple, and one staple that says revoked without any finding
        List<Assessment> assessments = new ArrayList<>();
        for (FindingCode code : FindingCode.values()) {
            assessments.add(assessment("good", new Finding(code, code.defaultSeverity(), "evidence")));
        }
        assessments.add(assessment("good"));
        assessments.add(assessment("revoked"));
        JdbcTemplate jdbc = StoredRuns.database(dir);
        List<Target> targets = new ArrayList<>();
        for (int line = 1; line <= assessments.size(); line++) {
            targets.add(StoredRuns.target(line, "team"));
        }
        long run = StoredRuns.store(jdbc, targets, assessments);

        // when the database counts valid staples, for the run and per group
        long counted = new JdbcRunData(jdbc, run).summary().validStaples();
        List<GroupFigures> groups = new ArrayList<>();
        new JdbcRunData(jdbc, run).forEachGroup(GroupBy.OWNER, 10, groups::add);

        // then both agree with the domain rule, which the catalogue drives
        long valid = assessments.stream().filter(Assessment::validStaple).count();
        assertEquals(valid, counted);
        assertEquals(valid, groups.get(0).validStaples());
        assertEquals(
                FindingCode.values().length
                        + 1
                        - Arrays.stream(FindingCode.values())
                                .filter(FindingCode::invalidatesStaple)
                                .count(),
                valid);
    }

    @Test
    void aGoodStapleIsValidUnlessAFindingInvalidatesIt() {
        assertTrue(assessment("good").validStaple());
        assertTrue(assessment(
                        "good", new Finding(FindingCode.STAPLE_STALE, FindingCode.STAPLE_STALE.defaultSeverity(), "m"))
                .validStaple());
        assertFalse(assessment(
                        "good",
                        new Finding(FindingCode.STAPLE_EXPIRED, FindingCode.STAPLE_EXPIRED.defaultSeverity(), "m"))
                .validStaple());
        assertFalse(assessment("revoked").validStaple());
        assertFalse(assessment(null).validStaple());
    }

    private static Assessment assessment(String ocspStatus, Finding... findings) {
        EndpointFacts facts = new EndpointFacts(
                "TLSv1.3", true, ocspStatus, null, null, null, false, "CN=x", "CN=ca", "01", null, null, null);
        return new Assessment(findings.length == 0 ? Verdict.PASS : Verdict.FAIL, List.of(findings), facts);
    }
}
