package dev.staplescan.batch;

import dev.staplescan.policy.Policies;
import dev.staplescan.store.RunStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Starts the {@link ReassessJobConfig re-assessment job} of a stored run under another policy.
 * The job's parameters are the run's own (partitions, trust bundle, scan options) with the new
 * policy, output directory and CSV option, so the assessment differs from the original only by
 * the policy (and the trust bundle, when the caller overrides it).
 */
@Component
public class Reassessment {

    private final JobOperator operator;
    private final JobRepository repository;
    private final Job job;
    private final RunStore runs;

    public Reassessment(
            JobOperator operator, JobRepository repository, @Qualifier("reassessJob") Job reassessJob, RunStore runs) {
        this.operator = operator;
        this.repository = repository;
        this.job = reassessJob;
        this.runs = runs;
    }

    /**
     * Re-assesses run {@code runId} under {@code policy} and writes its reports to {@code out}.
     *
     * @param trust the trust bundle to use instead of the run's own, or {@code null} to keep the run's
     * @return the finished execution (COMPLETED, or FAILED with its exceptions)
     * @throws IllegalArgumentException when the run has no completed audit to re-assess
     * @throws dev.staplescan.policy.PolicyException when the policy is wrong
     */
    public JobExecution run(long runId, String policy, Path out, boolean csvBom, Path trust) throws Exception {
        Policies.Loaded loaded = Policies.load(policy);
        JobParameters original = originalParameters(runId);
        String runTrust = original.getString(JobKeys.TRUST, "");
        if (trust == null && !runTrust.isEmpty() && !Files.isReadable(Path.of(runTrust))) {
            // Checked before the job clears anything: without its anchors every chain would look untrusted.
            throw new IllegalArgumentException("run " + runId + " was scanned with the trust bundle " + runTrust
                    + ", which is no longer readable; pass it with --trust PEM");
        }
        Map<String, String> replaced = Map.of(
                JobKeys.POLICY, loaded.reference(),
                JobKeys.POLICY_DIGEST, loaded.digest(),
                JobKeys.OUT, out.toAbsolutePath().normalize().toString(),
                JobKeys.CSV_BOM, Boolean.toString(csvBom),
                JobKeys.TRUST,
                        trust != null ? trust.toAbsolutePath().normalize().toString() : runTrust);
        JobParametersBuilder params = new JobParametersBuilder();
        for (JobParameter<?> p : original) {
            if (!replaced.containsKey(p.name())) {
                params.addJobParameter(p);
            }
        }
        replaced.forEach((name, value) -> params.addString(name, value, false));
        // Identifies this re-assessment among others of the same run.
        params.addLong("reassess.at", System.currentTimeMillis());
        return operator.start(job, params.toJobParameters());
    }

    private JobParameters originalParameters(long runId) {
        RunStore.Run run = runs.find(runId)
                .orElseThrow(
                        () -> new IllegalArgumentException("there is no run " + runId + " (see 'staplescan runs')"));
        if (!"COMPLETED".equals(run.status())) {
            throw new IllegalArgumentException("run " + runId + " is " + run.status() + ": finish it first with "
                    + "'staplescan scan --input " + run.input() + " --restart', then re-assess it");
        }
        JobInstance instance = repository.getJobInstance(
                JobKeys.JOB_NAME,
                new JobParametersBuilder().addLong(JobKeys.RUN_ID, runId).toJobParameters());
        JobExecution last = instance == null ? null : repository.getLastJobExecution(instance);
        if (last == null) {
            throw new IllegalArgumentException("run " + runId + " has no job history to re-assess from");
        }
        return last.getJobParameters();
    }
}
