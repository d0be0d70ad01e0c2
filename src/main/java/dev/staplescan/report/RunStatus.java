package dev.staplescan.report;

import java.util.Arrays;

/**
 * Where a run stands, as its {@code ss_run.status} column records it. The staplescan states
 * (STARTING, RUNNING, COMPLETED, ABANDONED) plus every Spring Batch {@code BatchStatus} name a failed
 * or stopped job execution leaves there, so any stored value reads back as a constant.
 */
public enum RunStatus {
    /** Created, its job not yet started. */
    STARTING,
    /** Its job is running. */
    RUNNING,
    /** Scanned, assessed and reported: the only state whose figures are final. */
    COMPLETED,
    /** Its job failed; resumable unless its failure kind says otherwise. */
    FAILED,
    /** Its job was stopped on request; resumed by the next start. */
    STOPPED,
    /** Given up for good: kept, never resumed. */
    ABANDONED,
    /** A Spring Batch state recorded for a job execution that ended in it. */
    STARTED,
    /** A Spring Batch state recorded for a job execution that ended in it. */
    STOPPING,
    /** A stored value staplescan does not know (written by another version). */
    UNKNOWN;

    /** Whether the run completed: its reports are whole and it may be compared, trended and re-assessed. */
    public boolean completed() {
        return this == COMPLETED;
    }

    /** Whether the run is over for good (completed or abandoned): never resumed. */
    public boolean ended() {
        return this == COMPLETED || this == ABANDONED;
    }

    /** The constant of a stored value; {@link #UNKNOWN} for one it does not know, never an exception. */
    public static RunStatus of(String stored) {
        return Arrays.stream(values())
                .filter(s -> s.name().equals(stored))
                .findFirst()
                .orElse(UNKNOWN);
    }
}
