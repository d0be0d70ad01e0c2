package dev.staplescan.jobs;

import dev.staplescan.store.RunStore.Run;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The {@code retention:} section of a job definition: how long the details of a run (targets,
 * observations with chains and staples, findings, rejections) are kept. The run's row and its
 * summary figures are always kept, so {@code runs} and {@code trend} still show it.
 *
 * <p>A run's details are kept while <em>either</em> rule keeps them: among the newest {@code keepRuns}
 * completed runs of its host list, or started less than {@code keepDays} days ago. Choosing the
 * union means a rule never deletes something the other one still wants. Without any rule nothing is
 * pruned. Runs that may still be resumed are never pruned.
 *
 * @param keepRuns completed runs per host list whose details are kept; empty for no such rule
 * @param keepDays days for which details are kept; empty for no such rule
 */
public record Retention(OptionalInt keepRuns, OptionalInt keepDays) {

    /** Keeps everything. */
    public static final Retention KEEP_ALL = new Retention(OptionalInt.empty(), OptionalInt.empty());

    /** Whether any rule is set. */
    public boolean prunes() {
        return keepRuns.isPresent() || keepDays.isPresent();
    }

    /** The runs whose details should go now, from a job's runs listed newest first. Pure. */
    public List<Run> toPrune(List<Run> newestFirst, Instant now) {
        List<Run> prune = new ArrayList<>();
        if (!prunes()) {
            return prune;
        }
        Map<String, Integer> completedSeen = new HashMap<>();
        for (Run r : newestFirst) {
            boolean finished = r.completed()
                    || (r.failureKind() != null && !r.failureKind().resumable());
            if (!finished || r.prunedAt() != null) {
                continue; // may still be resumed, or already pruned
            }
            int rank = r.completed() ? completedSeen.merge(r.input(), 1, Integer::sum) : Integer.MAX_VALUE;
            boolean keptByCount = keepRuns.isPresent() && rank <= keepRuns.getAsInt();
            boolean keptByAge =
                    keepDays.isPresent() && r.startedAt().isAfter(now.minus(Duration.ofDays(keepDays.getAsInt())));
            if (!keptByCount && !keptByAge) {
                prune.add(r);
            }
        }
        return prune;
    }
}
