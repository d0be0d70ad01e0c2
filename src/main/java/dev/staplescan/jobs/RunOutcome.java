package dev.staplescan.jobs;

import dev.staplescan.report.RunSummary;
import java.nio.file.Path;
import java.util.List;

/**
 * How one start of a job definition ended: one entry per host list, and how many old runs
 * retention pruned afterwards.
 *
 * @param job    the job's name
 * @param inputs what happened to each host list, in the definition's order
 * @param pruned runs whose details retention deleted after this start
 */
public record RunOutcome(String job, List<InputOutcome> inputs, int pruned) {

    public RunOutcome {
        inputs = List.copyOf(inputs);
    }

    /** What happened to one host list. */
    public enum Kind {
        /** The run completed; no endpoint failed. */
        CLEAN,
        /** The run completed; some endpoints have FAIL or ERROR verdicts. */
        FAILING,
        /** The run did not complete (see the message; the run's failure kind says whether it will be resumed). */
        FAILED,
        /** The host list or trust bundle could not be read; no run was started. */
        UNREADABLE,
        /** The job is already running, in this process or another one; nothing was started. */
        LOCKED
    }

    /**
     * One host list's run.
     *
     * @param input   the host list
     * @param kind    how it ended
     * @param runId   the run's id; 0 when no run was started
     * @param resumed whether an interrupted run was resumed rather than a new one started
     * @param summary the completed run's figures; {@code null} unless CLEAN or FAILING
     * @param reports the report directory; {@code null} when no run was started
     * @param message a sentence for the operator (the failure, or what was done)
     */
    public record InputOutcome(
            Path input, Kind kind, long runId, boolean resumed, RunSummary summary, Path reports, String message) {}

    /** The worst kind over all inputs (CLEAN &lt; FAILING &lt; the rest). */
    public Kind worst() {
        Kind worst = Kind.CLEAN;
        for (InputOutcome i : inputs) {
            if (i.kind().compareTo(worst) > 0) {
                worst = i.kind();
            }
        }
        return worst;
    }
}
