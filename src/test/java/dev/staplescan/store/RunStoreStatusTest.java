package dev.staplescan.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.staplescan.report.RunStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/** A run's status, stored and read back as a {@link RunStatus}, and the queries that depend on it. */
class RunStoreStatusTest {

    @TempDir
    Path dir;

    @Test
    void aNewRunIsStartingAndACompletedOneIsWhatTheNextRunComparesWith() {
        RunStore runs = new RunStore(StoredRuns.database(dir));
        long first = runs.create("a.csv", "default", "test", "", null);

        assertEquals(RunStatus.STARTING, runs.find(first).orElseThrow().state());
        assertFalse(runs.find(first).orElseThrow().completed());

        runs.status(first, RunStatus.COMPLETED, Instant.now());
        long second = runs.create("a.csv", "default", "test", "", null);

        assertTrue(runs.find(first).orElseThrow().completed());
        assertEquals(Optional.of(first), runs.previousCompleted(second).map(RunStore.Run::id));
        assertEquals(Optional.of(second), runs.latestUnfinished("a.csv").map(RunStore.Run::id));
    }

    @Test
    void onlyRunsThatEndedForAReasonWorthRetryingAreResumed() {
        JdbcTemplate jdbc = StoredRuns.database(dir);
        RunStore runs = new RunStore(jdbc);
        long failed = runs.create("a.csv", "default", "test", "", null);
        runs.status(failed, RunStatus.FAILED, null);
        runs.failure(failed, RunStore.FailureKind.ERROR, "disk full");
        long badList = runs.create("a.csv", "default", "test", "", null);
        runs.status(badList, RunStatus.FAILED, null);
        runs.failure(badList, RunStore.FailureKind.INPUT, "no endpoint");
        long abandoned = runs.create("b.csv", "default", "test", "", null);
        runs.abandon(abandoned, "failed 3 times");

        assertEquals(Optional.of(failed), runs.latestUnfinished("a.csv").map(RunStore.Run::id));
        assertEquals(Optional.empty(), runs.latestUnfinished("b.csv"));
        assertEquals(RunStatus.ABANDONED, runs.find(abandoned).orElseThrow().state());
    }

    @Test
    void anyStoredValueReadsBackAndUnknownOnesAreSaidToBe() {
        JdbcTemplate jdbc = StoredRuns.database(dir);
        RunStore runs = new RunStore(jdbc);
        long id = runs.create("a.csv", "default", "test", "", null);

        for (RunStatus s : RunStatus.values()) {
            runs.status(id, s, null);
            assertEquals(s, runs.find(id).orElseThrow().state());
        }
        jdbc.update("UPDATE ss_run SET status = 'PAUSED' WHERE id = ?", id);
        assertEquals(RunStatus.UNKNOWN, runs.find(id).orElseThrow().state());
    }
}
