package dev.staplescan.batch;

import dev.staplescan.store.TargetStore;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Stops the run after reading the list when it is unusable: no endpoint at all, or more rejected
 * lines than the configured share (most likely the wrong file, or the wrong format). Bad lines
 * below that share are only recorded (SPEC §3).
 */
public record InputCheckTasklet(TargetStore targets, long runId, double maxRejectedShare) implements Tasklet {

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        long rejected = targets.countRejections(runId);
        long accepted = targets.countTargets(runId);
        if (accepted == 0) {
            throw new UnusableInputException(
                    rejected == 0
                            ? "The host list contains no endpoint."
                            : "The host list contains no usable endpoint: all " + rejected + " lines were rejected "
                                    + "(see rejections.csv or `staplescan report --run " + runId + "`).");
        }
        double share = (double) rejected / (rejected + accepted);
        if (share > maxRejectedShare) {
            throw new UnusableInputException(String.format(
                    "%d of %d lines (%.0f%%) were rejected, more than the allowed %.0f%% (--max-rejected-share): "
                            + "is this the right file?",
                    rejected, rejected + accepted, share * 100, maxRejectedShare * 100));
        }
        return RepeatStatus.FINISHED;
    }

    /** The host list cannot be used; retrying will not help. */
    public static final class UnusableInputException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public UnusableInputException(String message) {
            super(message);
        }
    }
}
