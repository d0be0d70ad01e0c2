package dev.staplescan.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.staplescan.check.Assessment;
import dev.staplescan.check.EndpointFacts;
import dev.staplescan.check.Finding;
import dev.staplescan.check.FindingCode;
import dev.staplescan.check.Verdict;
import dev.staplescan.input.Target;
import dev.staplescan.report.EndpointRow;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/** The PDF's capped list of failing endpoints, read from a real H2 database. */
class JdbcRunDataFailingTest {

    @TempDir
    Path dir;

    @Test
    void theCapIsSharedFairlyAcrossOwnersMostSevereFirst() {
        // given 3 owners: "alpha" with 10 failing endpoints (one CRITICAL), "beta" and "gamma" with 2 each
        JdbcTemplate jdbc = StoredRuns.database(dir);
        List<Target> targets = new ArrayList<>();
        List<Assessment> assessments = new ArrayList<>();
        int line = 1;
        for (String owner : List.of("alpha", "beta", "gamma")) {
            int count = owner.equals("alpha") ? 10 : 2;
            for (int i = 0; i < count; i++, line++) {
                targets.add(StoredRuns.target(line, owner));
                FindingCode code = owner.equals("alpha") && i == 7
                        ? FindingCode.STAPLE_STATUS_REVOKED
                        : FindingCode.STAPLE_MISSING;
                Finding f = new Finding(code, code.defaultSeverity(), "evidence");
                assessments.add(new Assessment(Verdict.FAIL, List.of(f), EndpointFacts.unknown()));
            }
        }
        long run = StoredRuns.store(jdbc, targets, assessments);

        // when the report asks for at most 6
        Map<String, List<Long>> byOwner = new TreeMap<>();
        new JdbcRunData(jdbc, run)
                .forEachFailing(
                        6,
                        (EndpointRow r) -> byOwner.computeIfAbsent(r.target().owner(), k -> new ArrayList<>())
                                .add(r.target().line()));

        // then every owner is represented, and alpha's CRITICAL endpoint (line 8) comes first
        assertEquals(Map.of("alpha", List.of(8L, 1L), "beta", List.of(11L, 12L), "gamma", List.of(13L, 14L)), byOwner);
    }
}
