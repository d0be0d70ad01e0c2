package dev.staplescan.batch;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * Holds the {@link RunServices} of each running job execution. They are built from the job's
 * parameters before the job starts (so a restarted execution gets the same timeouts, trust and
 * policy as the original) and dropped when it ends.
 */
public final class RunServicesRegistry implements JobExecutionListener {

    private final Function<JobParameters, RunServices> factory;
    private final Map<Long, RunServices> byExecution = new ConcurrentHashMap<>();

    public RunServicesRegistry(Function<JobParameters, RunServices> factory) {
        this.factory = factory;
    }

    @Override
    public void beforeJob(JobExecution execution) {
        byExecution.put(execution.getId(), factory.apply(execution.getJobParameters()));
    }

    @Override
    public void afterJob(JobExecution execution) {
        RunServices s = byExecution.remove(execution.getId());
        if (s instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                throw new IllegalStateException("Could not release the run's services", e);
            }
        }
    }

    public RunServices get(JobExecution execution) {
        RunServices s = byExecution.get(execution.getId());
        if (s == null) {
            throw new IllegalStateException("No services for job execution " + execution.getId());
        }
        return s;
    }
}
