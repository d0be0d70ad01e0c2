package dev.staplescan.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.staplescan.check.Severity;
import dev.staplescan.check.Verdict;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** "Failing" is decided once, by the verdict, and a run's failing count follows from it. */
class RunSummaryTest {

    @Test
    void failAndErrorAreFailingPassAndWarnAreNot() {
        assertFalse(Verdict.PASS.failing());
        assertFalse(Verdict.WARN.failing());
        assertTrue(Verdict.FAIL.failing());
        assertTrue(Verdict.ERROR.failing());
    }

    @Test
    void aRunsFailingEndpointsAreItsFailAndErrorVerdicts() {
        RunSummary s = new RunSummary(
                1,
                "list.csv",
                "default",
                "test",
                Instant.EPOCH,
                null,
                RunStatus.COMPLETED,
                15,
                12,
                10,
                8,
                Map.of(Verdict.PASS, 1L, Verdict.WARN, 2L, Verdict.FAIL, 4L, Verdict.ERROR, 8L),
                Map.of(Severity.HIGH, 4L),
                0,
                0);

        assertEquals(12, s.failing());
    }
}
