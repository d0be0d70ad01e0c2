package dev.staplescan.batch;

import dev.staplescan.input.HostListItem;
import dev.staplescan.input.HostListReader;
import dev.staplescan.scan.Observation;
import dev.staplescan.store.AssessmentStore;
import dev.staplescan.store.AssessmentStore.Assessed;
import dev.staplescan.store.JdbcRunData;
import dev.staplescan.store.ObservationStore;
import dev.staplescan.store.RunStore;
import dev.staplescan.store.TargetStore;
import java.nio.file.Path;
import java.time.Instant;
import org.springframework.batch.core.configuration.annotation.JobScope;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.VirtualThreadTaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit job: {@code ingest} (host list → targets and rejections) → {@code inputCheck} →
 * {@code scan} (partitioned; network only, results stored raw) → {@code assess} (partitioned; pure
 * checks over stored observations) → {@code report} (CSV and PDF files). Every step can be resumed
 * after a crash from the JDBC job repository and the product's own tables.
 */
@Configuration
public class AuditJobConfig {

    static final int INGEST_CHUNK = 1000;
    static final int SCAN_CHUNK = 100;
    static final int ASSESS_CHUNK = 200;

    @Bean
    Job auditJob(
            JobRepository repo,
            Step ingest,
            Step inputCheck,
            Step scan,
            Step assess,
            Step report,
            RunServicesRegistry services,
            JdbcTemplate jdbc) {
        return new JobBuilder(JobKeys.JOB_NAME, repo)
                .listener(new RunLifecycleListener(jdbc))
                .listener(services)
                .start(ingest)
                .next(inputCheck)
                .next(scan)
                .next(assess)
                .next(report)
                .build();
    }

    // --- ingest ---

    @Bean
    @StepScope
    HostListReader hostListReader(@Value("#{jobParameters['input']}") String input) {
        return new HostListReader(Path.of(input));
    }

    @Bean
    Step ingest(
            JobRepository repo,
            PlatformTransactionManager tm,
            HostListReader hostListReader,
            TargetStore targets,
            RunStore runs) {
        return new StepBuilder("ingest", repo)
                .<HostListItem, HostListItem>chunk(INGEST_CHUNK)
                .transactionManager(tm)
                .reader(hostListReader)
                .writer(chunk -> new IngestWriter(targets, runs, currentRun()).write(chunk))
                .build();
    }

    @Bean
    @JobScope
    Step inputCheck(
            JobRepository repo,
            PlatformTransactionManager tm,
            TargetStore targets,
            @Value("#{jobParameters['run.id']}") Long runId,
            @Value("#{jobParameters['max.rejected.share']}") Double maxRejectedShare) {
        return new StepBuilder("inputCheck", repo)
                .tasklet(new InputCheckTasklet(targets, runId, maxRejectedShare), tm)
                .build();
    }

    // --- scan ---

    @Bean
    @JobScope
    Step scan(
            JobRepository repo,
            Step scanWorker,
            TargetStore targets,
            Progress progress,
            @Value("#{jobParameters['run.id']}") Long runId,
            @Value("#{jobParameters['partitions']}") Long partitions) {
        progress.start(targets.countTargets(runId), targets.countScanned(runId));
        return new StepBuilder("scan", repo)
                .partitioner("scanWorker", new LineRangePartitioner(targets, runId))
                .step(scanWorker)
                .gridSize(partitions.intValue())
                .taskExecutor(new VirtualThreadTaskExecutor("partition-"))
                .build();
    }

    @Bean
    @StepScope
    ScanningReader scanningReader(
            TargetStore targets,
            RunServicesRegistry services,
            @Value("#{stepExecution}") StepExecution step,
            @Value("#{jobParameters['run.id']}") Long runId,
            @Value("#{jobParameters['concurrency']}") Long concurrency,
            @Value("#{jobParameters['partitions']}") Long partitions,
            @Value("#{stepExecutionContext['fromLine']}") Long from,
            @Value("#{stepExecutionContext['toLine']}") Long to) {
        RunServices s = services.get(step.getJobExecution());
        int window = (int) Math.max(1, concurrency / Math.max(1, partitions));
        return new ScanningReader(targets, runId, from, to, window, s::scan);
    }

    @Bean
    Step scanWorker(
            JobRepository repo,
            ScanningReader scanningReader,
            ObservationStore observations,
            PlatformTransactionManager tm,
            Progress progress) {
        TransactionTemplate tx = new TransactionTemplate(tm);
        // No chunk transaction here on purpose: the reader does network I/O (STACK-NOTES, Spring Batch 6).
        return new StepBuilder("scanWorker", repo)
                .<Observation, Observation>chunk(SCAN_CHUNK)
                .reader(scanningReader)
                .writer(chunk -> new ObservationWriter(observations, tx, currentRun(), progress).write(chunk))
                .build();
    }

    // --- assess ---

    @Bean
    @JobScope
    Step assess(
            JobRepository repo,
            Step assessWorker,
            TargetStore targets,
            @Value("#{jobParameters['run.id']}") Long runId,
            @Value("#{jobParameters['partitions']}") Long partitions) {
        // Assessment is CPU work: more partitions than cores would only contend.
        int grid = (int) Math.min(partitions, Runtime.getRuntime().availableProcessors());
        return new StepBuilder("assess", repo)
                .partitioner("assessWorker", new LineRangePartitioner(targets, runId))
                .step(assessWorker)
                .gridSize(grid)
                .taskExecutor(new VirtualThreadTaskExecutor("assess-"))
                .build();
    }

    @Bean
    @StepScope
    ObservationPageReader observationReader(
            ObservationStore observations,
            @Value("#{jobParameters['run.id']}") Long runId,
            @Value("#{stepExecutionContext['fromLine']}") Long from,
            @Value("#{stepExecutionContext['toLine']}") Long to) {
        return new ObservationPageReader(observations, runId, from, to);
    }

    @Bean
    Step assessWorker(
            JobRepository repo,
            PlatformTransactionManager tm,
            ObservationPageReader observationReader,
            AssessmentStore assessments,
            RunServicesRegistry services) {
        return new StepBuilder("assessWorker", repo)
                .<Observation, Assessed>chunk(ASSESS_CHUNK)
                .transactionManager(tm)
                .reader(observationReader)
                .processor(o -> new Assessed(
                        o.target().line(), services.get(currentJob()).assess(o)))
                .writer(chunk -> assessments.write(currentRun(), java.util.List.copyOf(chunk.getItems())))
                .build();
    }

    // --- report ---

    @Bean
    Step report(
            JobRepository repo,
            PlatformTransactionManager tm,
            JdbcTemplate jdbc,
            RunStore runs,
            RunServicesRegistry services) {
        return new StepBuilder("report", repo)
                .tasklet(
                        (contribution, chunk) -> {
                            long runId = currentRun();
                            // Scanning and assessment are done: the report states the run as completed. Should this
                            // step fail, the job listener records the failure instead.
                            Instant finished = runs.find(runId)
                                    .map(RunStore.Run::finishedAt)
                                    .orElse(null);
                            runs.status(runId, "COMPLETED", finished != null ? finished : Instant.now());
                            String out = currentJob().getJobParameters().getString(JobKeys.OUT);
                            services.get(currentJob()).writeReports(new JdbcRunData(jdbc, runId), Path.of(out));
                            return RepeatStatus.FINISHED;
                        },
                        tm)
                .build();
    }

    // --- shared beans ---

    @Bean
    RunStore runStore(JdbcTemplate jdbc) {
        return new RunStore(jdbc);
    }

    @Bean
    TargetStore targetStore(JdbcTemplate jdbc) {
        return new TargetStore(jdbc);
    }

    @Bean
    ObservationStore observationStore(JdbcTemplate jdbc) {
        return new ObservationStore(jdbc);
    }

    @Bean
    AssessmentStore assessmentStore(JdbcTemplate jdbc) {
        return new AssessmentStore(jdbc);
    }

    @Bean
    RunServicesRegistry runServicesRegistry() {
        return new RunServicesRegistry(DefaultRunServices::fromJobParameters);
    }

    @Bean
    Progress progress() {
        return new Progress();
    }

    private static org.springframework.batch.core.job.JobExecution currentJob() {
        var context = org.springframework.batch.core.scope.context.StepSynchronizationManager.getContext();
        if (context == null) {
            throw new IllegalStateException("Not inside a step");
        }
        return context.getStepExecution().getJobExecution();
    }

    private static long currentRun() {
        return RunLifecycleListener.runId(currentJob());
    }
}
