package dev.staplescan.batch;

import dev.staplescan.report.RunStatus;
import dev.staplescan.store.JdbcRunData;
import dev.staplescan.store.RunStore;
import dev.staplescan.store.RunStore.FailureKind;
import dev.staplescan.store.RunSummaryStore;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Keeps the run's row in step with its job execution (RUNNING, COMPLETED, FAILED, STOPPED). A
 * completed run gets its summary row; a run that did not complete gets its failure kind, which
 * decides whether the next start resumes it ({@link FailureKind#resumable()}).
 */
public final class RunLifecycleListener implements JobExecutionListener {

    private final JdbcTemplate jdbc;
    private final RunStore runs;

    public RunLifecycleListener(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.runs = new RunStore(jdbc);
    }

    @Override
    public void beforeJob(JobExecution execution) {
        runs.status(runId(execution), RunStatus.RUNNING, null);
    }

    @Override
    public void afterJob(JobExecution execution) {
        long runId = runId(execution);
        // A completed run was marked COMPLETED (with its end time) by the report step.
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            runs.failure(runId, null, null);
            new RunSummaryStore(jdbc).record(new JdbcRunData(jdbc, runId).summary());
            return;
        }
        runs.status(runId, RunStatus.of(execution.getStatus().name()), null);
        runs.failure(runId, failureKind(execution), failure(execution));
    }

    /** INPUT when the list is unusable (retrying cannot help), STOPPED on request, ERROR otherwise. */
    static FailureKind failureKind(JobExecution execution) {
        for (Throwable t : execution.getAllFailureExceptions()) {
            for (Throwable c = t; c != null; c = c.getCause()) {
                if (c instanceof InputCheckTasklet.UnusableInputException) {
                    return FailureKind.INPUT;
                }
            }
        }
        return execution.getStatus() == BatchStatus.STOPPED ? FailureKind.STOPPED : FailureKind.ERROR;
    }

    private static String failure(JobExecution execution) {
        return execution.getAllFailureExceptions().stream()
                .map(t -> t.getClass().getSimpleName() + ": " + t.getMessage())
                .findFirst()
                .orElse(execution.getExitStatus().getExitDescription());
    }

    static long runId(JobExecution execution) {
        Long id = execution.getJobParameters().getLong(JobKeys.RUN_ID);
        if (id == null) {
            throw new IllegalStateException("Job execution " + execution.getId() + " has no " + JobKeys.RUN_ID);
        }
        return id;
    }
}
