package dev.staplescan.batch;

import dev.staplescan.store.RunStore;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/** Keeps the run's row in step with its job execution (RUNNING, COMPLETED, FAILED, STOPPED). */
public final class RunLifecycleListener implements JobExecutionListener {

    private final RunStore runs;

    public RunLifecycleListener(RunStore runs) {
        this.runs = runs;
    }

    @Override
    public void beforeJob(JobExecution execution) {
        runs.status(runId(execution), "RUNNING", null);
    }

    @Override
    public void afterJob(JobExecution execution) {
        long runId = runId(execution);
        // A completed run was marked COMPLETED (with its end time) by the report step.
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            // An unusable host list is final: resuming would re-check the same stored lines, so such
            // a run is closed as REJECTED_INPUT and the next start of the same command begins afresh.
            boolean rejected = execution.getAllFailureExceptions().stream()
                    .anyMatch(e -> e instanceof InputCheckTasklet.UnusableInputException);
            runs.status(runId, rejected ? RunStore.REJECTED_INPUT : execution.getStatus().name(), null);
        }
    }

    static long runId(JobExecution execution) {
        Long id = execution.getJobParameters().getLong(JobKeys.RUN_ID);
        if (id == null) {
            throw new IllegalStateException("Job execution " + execution.getId() + " has no " + JobKeys.RUN_ID);
        }
        return id;
    }
}
