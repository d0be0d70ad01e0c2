package dev.staplescan.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.scope.context.JobContext;
import org.springframework.batch.core.scope.context.JobSynchronizationManager;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.StepExecution;

/**
 * The pitfall behind {@link WorkerJobScope}, checked rather than assumed: a partition's thread has a
 * step context but no job context, until the listener registers the job execution.
 */
class WorkerJobScopeTest {

    @Test
    void releaseOnAWorkerThreadWouldCloseTheJobsBeansUnderTheOtherPartitions() throws Exception {
        JobExecution job = new JobExecution(3L, new JobInstance(3L, "audit"), new JobParameters());
        JobContext jobContext = JobSynchronizationManager.register(job);
        AtomicBoolean closed = new AtomicBoolean();
        jobContext.registerDestructionCallback("probe", () -> closed.set(true));
        try {
            Thread.ofVirtual()
                    .start(() -> {
                        JobSynchronizationManager.register(job);
                        JobSynchronizationManager.release();
                    })
                    .join();

            assertEquals(true, closed.get(), "why WorkerJobScope leaves with close(), not release()");
        } finally {
            JobSynchronizationManager.release();
        }
    }

    @Test
    void aWorkerThreadJoinsTheJobContextOfTheJobThread() throws Exception {
        JobExecution job = new JobExecution(1L, new JobInstance(1L, "audit"), new JobParameters());
        StepExecution worker = new StepExecution(2L, "scanWorker:partition000", job);
        JobContext jobContext = JobSynchronizationManager.register(job);
        AtomicBoolean closed = new AtomicBoolean();
        jobContext.registerDestructionCallback("probe", () -> closed.set(true));
        AtomicReference<JobContext> without = new AtomicReference<>();
        AtomicReference<JobContext> with = new AtomicReference<>();
        AtomicReference<JobContext> after = new AtomicReference<>();
        try {
            Thread t = Thread.ofVirtual().start(() -> {
                StepSynchronizationManager.register(worker); // what AbstractStep does on the partition's thread
                without.set(JobSynchronizationManager.getContext());
                WorkerJobScope scope = new WorkerJobScope();
                scope.beforeStep(worker);
                with.set(JobSynchronizationManager.getContext());
                scope.afterStep(worker);
                after.set(JobSynchronizationManager.getContext());
                StepSynchronizationManager.release();
            });
            t.join();

            assertNull(without.get(), "Spring Batch gives a partition's thread no job context");
            assertSame(jobContext, with.get(), "the worker shares the job's context, hence its beans");
            assertNull(after.get());
            assertFalse(closed.get(), "a worker leaving does not close the run's beans while the job runs");
        } finally {
            JobSynchronizationManager.release();
        }
        assertEquals(true, closed.get(), "the job's end closes them");
    }
}
