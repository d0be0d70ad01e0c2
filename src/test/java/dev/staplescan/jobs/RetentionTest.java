package dev.staplescan.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.staplescan.report.RunStatus;
import dev.staplescan.store.RunStore.FailureKind;
import dev.staplescan.store.RunStore.Run;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Which runs retention prunes: kept if either rule keeps them; resumable runs never pruned. */
class RetentionTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

    @Test
    void keepRunsCountsCompletedRunsPerHostList() {
        List<Run> runs = new ArrayList<>();
        for (int i = 6; i >= 1; i--) {
            runs.add(run(i, i % 2 == 0 ? "a.csv" : "b.csv", "COMPLETED", null, i)); // newest first
        }
        List<Long> pruned = ids(new Retention(OptionalInt.of(2), OptionalInt.empty()).toPrune(runs, NOW));
        assertEquals(List.of(2L, 1L), pruned); // a: 6, 4 kept, 2 pruned; b: 5, 3 kept, 1 pruned
    }

    @Test
    void eitherRuleKeepsARun() {
        List<Run> runs = List.of(
                run(3, "a.csv", "COMPLETED", null, 1),
                run(2, "a.csv", "COMPLETED", null, 5),
                run(1, "a.csv", "COMPLETED", null, 40));
        assertEquals(List.of(1L), ids(new Retention(OptionalInt.of(1), OptionalInt.of(7)).toPrune(runs, NOW)));
        assertEquals(List.of(2L, 1L), ids(new Retention(OptionalInt.of(1), OptionalInt.empty()).toPrune(runs, NOW)));
        assertEquals(List.of(1L), ids(new Retention(OptionalInt.empty(), OptionalInt.of(30)).toPrune(runs, NOW)));
        assertEquals(List.of(), ids(Retention.KEEP_ALL.toPrune(runs, NOW)));
    }

    @Test
    void runsThatMayBeResumedOrArePrunedAreLeftAlone() {
        List<Run> runs = List.of(
                run(5, "a.csv", "COMPLETED", null, 1),
                run(4, "a.csv", "FAILED", FailureKind.ERROR, 50),
                run(3, "a.csv", "STARTED", null, 50),
                run(2, "a.csv", "FAILED", FailureKind.INPUT, 50),
                run(1, "a.csv", "ABANDONED", FailureKind.ABANDONED, 50));
        assertEquals(List.of(2L, 1L), ids(new Retention(OptionalInt.of(1), OptionalInt.empty()).toPrune(runs, NOW)));
    }

    private static Run run(long id, String input, String status, FailureKind kind, int daysAgo) {
        return new Run(
                id,
                input,
                "default",
                "test",
                "",
                NOW.minus(Duration.ofDays(daysAgo)),
                null,
                RunStatus.of(status),
                0,
                "job",
                kind,
                null,
                null);
    }

    private static List<Long> ids(List<Run> runs) {
        return runs.stream().map(Run::id).toList();
    }
}
