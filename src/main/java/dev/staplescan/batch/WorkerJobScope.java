package dev.staplescan.batch;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.scope.context.JobSynchronizationManager;
import org.springframework.batch.core.step.StepExecution;

/**
 * Gives a partition's worker step the job scope of its job execution, so the step-scoped readers and
 * processors built there can use the run's {@link PerRun} beans.
 *
 * <p>Spring Batch registers the job context only on the thread that runs the job ({@code AbstractJob});
 * a worker step runs on a thread of the partition executor (a virtual thread here; a message listener's
 * thread in a remote worker) and registers only its step context ({@code AbstractStep}). There a
 * job-scoped bean fails with "No context holder available for job scope" (WorkerJobScopeTest shows
 * it). Registering the step's job execution joins the job's context (contexts are kept per execution
 * and counted), so all partitions share one scanner and one responder answer cache. This is Spring
 * Batch's own registry, not one of ours.
 *
 * <p>Leaving uses {@link JobSynchronizationManager#close()}, which only drops this thread's reference:
 * {@code release()} would also close the shared context, running the destruction callbacks (closing the
 * scanner) under the partitions still scanning (WorkerJobScopeTest). The job that owns the context
 * closes the run's beans when it ends. A JVM that runs worker steps without their job (remote
 * partitioning) has no such owner: its worker wiring must register the execution for as long as it
 * serves it and release it at the end.
 */
final class WorkerJobScope implements StepExecutionListener {

    @Override
    public void beforeStep(StepExecution stepExecution) {
        JobSynchronizationManager.register(stepExecution.getJobExecution());
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        JobSynchronizationManager.close();
        return null;
    }
}
