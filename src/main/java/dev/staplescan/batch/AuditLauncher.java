package dev.staplescan.batch;

import dev.staplescan.policy.Policies;
import dev.staplescan.settings.AuditSettings;
import dev.staplescan.settings.Settings;
import dev.staplescan.settings.SettingsText;
import dev.staplescan.store.RunStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Starts audit runs, resumes interrupted ones and re-assesses completed ones. A run is one row in
 * {@code ss_run} and one Spring Batch job instance of the audit job (identified by the run id);
 * resuming restarts that instance's last execution, which Spring Batch continues from the steps and
 * chunks it had committed. A re-assessment is an instance of the {@link ReassessJobConfig
 * re-assessment job} with the run's own settings and another policy.
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

        /** Where the run's report files go. */
        public Path reports() {
            return RunParameters.from(execution.getJobParameters()).out();
        }
    }

    private final JobOperator operator;
    private final JobRepository repository;
    private final Job auditJob;
    private final Job reassessJob;
    private final RunStore runs;

    public AuditLauncher(
            JobOperator operator,
            JobRepository repository,
            @Qualifier("auditJob") Job auditJob,
            @Qualifier("reassessJob") Job reassessJob,
            RunStore runs) {
        this.operator = operator;
        this.repository = repository;
        this.auditJob = auditJob;
        this.reassessJob = reassessJob;
        this.runs = runs;
    }

    /**
     * Starts a new run of {@code s}'s host list. A {@code {run}} in the output directory is replaced by
     * the new run's id (job definitions use it; the id exists only once the run row is created here).
     *
     * @param policy the loaded {@code s.get(Settings.POLICY)}: the run records its name, reference and digest
     * @param job    the job definition's name; {@code null} for a hand-started scan (resumed only by
     *               {@code scan --restart})
     */
    public Result start(AuditSettings s, Policies.Loaded policy, String scannerVersion, String job) throws Exception {
        Path input = absolute(s.get(Settings.INPUT).orElseThrow(() -> new IllegalArgumentException("no host list")));
        AuditSettings given = s.with(Settings.INPUT, Optional.of(input));
        long runId =
                runs.create(input.toString(), policy.policy().name(), scannerVersion, SettingsText.write(given), job);
        Path out = s.get(Settings.OUT)
                .map(o -> Path.of(o.toString().replace("{run}", Long.toString(runId))))
                .orElse(Path.of("staplescan-out", "run-" + runId));
        AuditSettings resolved = given.with(Settings.OUT, Optional.of(absolute(out)))
                .with(Settings.TRUST, s.get(Settings.TRUST).map(AuditLauncher::absolute))
                .with(Settings.POLICY, policy.reference());
        RunParameters params = new RunParameters(runId, resolved, policy.digest());
        return new Result(runId, false, operator.start(auditJob, params.toJobParameters()));
    }

    /** The newest unfinished run of this host list and job ({@code null}: by hand) worth resuming, if any. */
    public Optional<RunStore.Run> unfinished(Path input, String job) {
        return runs.latestUnfinished(absolute(input).toString(), job);
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

    /**
     * Re-assesses run {@code runId} under {@code policy} and writes its reports to {@code out}. The
     * run's own settings are kept but for the policy, output directory, CSV option and, when given, the
     * trust bundle.
     *
     * @param trust the trust bundle to use instead of the run's own, or {@code null} to keep the run's
     * @return the finished execution (COMPLETED, or FAILED with its exceptions)
     * @throws IllegalArgumentException when the run has no completed audit to re-assess
     */
    public JobExecution reassess(long runId, Policies.Loaded policy, Path out, boolean csvBom, Path trust)
            throws Exception {
        RunStore.Run run = runs.find(runId)
                .orElseThrow(
                        () -> new IllegalArgumentException("there is no run " + runId + " (see 'staplescan runs')"));
        if (!run.completed()) {
            throw new IllegalArgumentException("run " + runId + " is " + run.state() + ": finish it first with "
                    + "'staplescan scan --input " + run.input() + " --restart', then re-assess it");
        }
        JobInstance instance = instance(runId);
        JobExecution last = instance == null ? null : repository.getLastJobExecution(instance);
        if (last == null) {
            throw new IllegalArgumentException("run " + runId + " has no job history to re-assess from");
        }
        AuditSettings original = RunParameters.from(last.getJobParameters()).settings();
        Optional<Path> runTrust = original.get(Settings.TRUST);
        if (trust == null && runTrust.isPresent() && !Files.isReadable(runTrust.get())) {
            // Checked before the job clears anything: without its anchors every chain would look untrusted.
            throw new IllegalArgumentException("run " + runId + " was scanned with the trust bundle " + runTrust.get()
                    + ", which is no longer readable; pass it with --trust PEM");
        }
        AuditSettings s = original.with(Settings.POLICY, policy.reference())
                .with(Settings.OUT, Optional.of(absolute(out)))
                .with(Settings.CSV_BOM, csvBom)
                .with(Settings.TRUST, trust != null ? Optional.of(absolute(trust)) : runTrust);
        // reassess.at identifies this re-assessment among others of the same run.
        return operator.start(
                reassessJob,
                new RunParameters(runId, s, policy.digest())
                        .toBuilder()
                                .addLong("reassess.at", System.currentTimeMillis())
                                .toJobParameters());
    }

    private static Path absolute(Path p) {
        return p.toAbsolutePath().normalize();
    }
}
