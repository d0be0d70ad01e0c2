package dev.staplescan.batch;

import dev.staplescan.policy.Policies;
import dev.staplescan.report.ReportFormat;
import dev.staplescan.store.RunStore;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Starts audit runs and resumes interrupted ones. A run is one row in {@code ss_run} and one Spring
 * Batch job instance (identified by the run id); resuming restarts that instance's last execution,
 * which Spring Batch continues from the steps and chunks it had committed.
 */
@Component
public class AuditLauncher {

    /** How a launch ended. */
    public record Result(long runId, boolean resumed, JobExecution execution) {

        public boolean completed() {
            return execution.getStatus() == BatchStatus.COMPLETED;
        }

        /** The reason the run failed, for the operator. */
        public String failure() {
            return execution.getAllFailureExceptions().stream()
                    .map(Throwable::getMessage)
                    .findFirst()
                    .orElse(execution.getExitStatus().getExitDescription());
        }
    }

    private final JobOperator operator;
    private final JobRepository repository;
    private final Job job;
    private final RunStore runs;

    public AuditLauncher(
            JobOperator operator, JobRepository repository, @Qualifier("auditJob") Job auditJob, RunStore runs) {
        this.operator = operator;
        this.repository = repository;
        this.job = auditJob;
        this.runs = runs;
    }

    /** Starts a new run by hand. */
    public Result start(AuditSettings s, String scannerVersion) throws Exception {
        return start(s, scannerVersion, LaunchOptions.MANUAL);
    }

    /**
     * Starts a new run. A {@code {run}} in the output directory is replaced by the new run's id
     * (job definitions use it; the id exists only once the run row is created here).
     */
    public Result start(AuditSettings s, String scannerVersion, LaunchOptions launch) throws Exception {
        String input = s.input().toAbsolutePath().normalize().toString();
        // Loaded here (not only by the services) so the run records the policy's own name, and the
        // digest lets a restart prove the file still says the same (a PolicyException stops the start).
        Policies.Loaded policy = Policies.load(s.policy());
        long runId = runs.create(input, policy.policy().name(), scannerVersion, describe(s), launch.job());
        Path out = s.out() != null
                ? Path.of(s.out().toString().replace("{run}", Long.toString(runId)))
                : Path.of("staplescan-out", "run-" + runId);
        JobParameters params = new JobParametersBuilder()
                .addLong(JobKeys.RUN_ID, runId)
                .addString(JobKeys.INPUT, input, false)
                .addString(JobKeys.OUT, out.toAbsolutePath().normalize().toString(), false)
                .addString(
                        JobKeys.TRUST,
                        s.trust() == null ? "" : s.trust().toAbsolutePath().toString(),
                        false)
                .addString(JobKeys.POLICY, policy.reference(), false)
                .addString(JobKeys.POLICY_DIGEST, policy.digest(), false)
                .addLong(JobKeys.PARTITIONS, (long) s.partitions(), false)
                .addLong(JobKeys.CONCURRENCY, (long) s.concurrency(), false)
                .addLong(JobKeys.CONNECT_TIMEOUT_MS, s.connectTimeout().toMillis(), false)
                .addLong(JobKeys.HANDSHAKE_TIMEOUT_MS, s.handshakeTimeout().toMillis(), false)
                .addLong(JobKeys.TOTAL_TIMEOUT_MS, s.endpointTimeout().toMillis(), false)
                .addLong(JobKeys.HANDSHAKES_PER_VERSION, (long) s.handshakes(), false)
                .addDouble(JobKeys.MAX_REJECTED_SHARE, s.maxRejectedShare(), false)
                .addString(JobKeys.CSV_BOM, Boolean.toString(s.csvBom()), false)
                .addString(JobKeys.RESPONDER_QUERY, Boolean.toString(s.responderQuery()), false)
                .addLong(JobKeys.RESPONDER_TIMEOUT_MS, s.responderTimeout().toMillis(), false)
                .addString(
                        JobKeys.TLS_VERSIONS,
                        s.versions().stream().map(Enum::name).collect(Collectors.joining(",")),
                        false)
                .addString(JobKeys.ALL_ADDRESSES, Boolean.toString(s.allAddresses()), false)
                .addLong(JobKeys.MAX_ADDRESSES, (long) s.maxAddresses(), false)
                .addString(JobKeys.FORMATS, ReportFormat.join(launch.formats()), false)
                .toJobParameters();
        return new Result(runId, false, operator.start(job, params));
    }

    /** The newest unfinished run of this host list started by hand, if there is one worth resuming. */
    public Optional<RunStore.Run> unfinished(Path input) {
        return unfinished(input, null);
    }

    /** The newest unfinished run of this host list and job ({@code null}: by hand) worth resuming, if any. */
    public Optional<RunStore.Run> unfinished(Path input, String job) {
        return runs.latestUnfinished(input.toAbsolutePath().normalize().toString(), job);
    }

    /** How many times the run's job has been executed (the first start plus each resume). */
    public int attempts(long runId) {
        JobInstance instance = instance(runId);
        return instance == null ? 0 : repository.getJobExecutions(instance).size();
    }

    private JobInstance instance(long runId) {
        return repository.getJobInstance(
                JobKeys.JOB_NAME,
                new JobParametersBuilder().addLong(JobKeys.RUN_ID, runId).toJobParameters());
    }

    /**
     * Resumes a run. An execution left STARTED by a killed process is first marked as failed
     * ({@link JobOperator#recover}), then restarted: completed steps and committed chunks are kept.
     */
    public Result resume(long runId) throws Exception {
        JobInstance instance = instance(runId);
        if (instance == null) {
            throw new IllegalArgumentException("Run " + runId + " has no job to resume.");
        }
        JobExecution last = repository.getLastJobExecution(instance);
        if (last == null) {
            throw new IllegalArgumentException("Run " + runId + " never started; start a new scan.");
        }
        if (last.getStatus() == BatchStatus.COMPLETED) {
            throw new IllegalArgumentException("Run " + runId + " already completed.");
        }
        if (last.isRunning()) {
            last = operator.recover(last);
        }
        return new Result(runId, true, operator.restart(last));
    }

    private static String describe(AuditSettings s) {
        return "partitions=" + s.partitions() + " concurrency=" + s.concurrency() + " connectTimeout="
                + s.connectTimeout() + " handshakeTimeout=" + s.handshakeTimeout() + " endpointTimeout="
                + s.endpointTimeout() + " handshakes=" + s.handshakes() + " tls=" + s.versions() + " allAddresses="
                + (s.allAddresses() ? "max " + s.maxAddresses() : "no") + " responderQuery=" + s.responderQuery()
                + " responderTimeout=" + s.responderTimeout() + " policy=" + s.policy() + " trust="
                + (s.trust() == null ? "-" : s.trust());
    }
}
