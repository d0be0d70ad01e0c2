package dev.staplescan.batch;

import dev.staplescan.check.Assessor;
import dev.staplescan.check.Policy;
import dev.staplescan.input.HostListItem;
import dev.staplescan.input.HostListReader;
import dev.staplescan.input.Target;
import dev.staplescan.scan.Observation;
import dev.staplescan.scan.ResponderProbe;
import dev.staplescan.scan.Scanner;
import dev.staplescan.settings.Settings;
import dev.staplescan.store.AssessmentStore;
import dev.staplescan.store.AssessmentStore.Assessed;
import dev.staplescan.store.JdbcRunData;
import dev.staplescan.store.ObservationStore;
import dev.staplescan.store.RunStore;
import dev.staplescan.store.TargetStore;
import java.time.Instant;
import java.util.List;
import org.springframework.batch.core.configuration.annotation.JobScope;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemReader;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.ObjectProvider;
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
 * after a crash from the JDBC job repository and the product's own tables. Readers, processors and
 * writers are step-scoped and built from their step execution (the run id in the job parameters, the
 * line range in the partition's context) and the run's {@link RunBeans}.
 */
@Configuration
public class AuditJobConfig {

    static final int INGEST_CHUNK = 1000;
    static final int SCAN_CHUNK = 100;
    static final int ASSESS_CHUNK = 200;
    static final int ASSESS_PAGE = 200;

    private static final String RUN_ID = "#{jobParameters['" + JobKeys.RUN_ID + "']}";
    private static final String FROM = "#{stepExecutionContext['" + LineRangePartitioner.FROM + "']}";
    private static final String TO = "#{stepExecutionContext['" + LineRangePartitioner.TO + "']}";

    @Bean
    Job auditJob(
            JobRepository repo,
            Step ingest,
            Step inputCheck,
            Step scan,
            Step assess,
            Step report,
            JdbcTemplate jdbc,
            ObjectProvider<Policy> policy) {
        return new JobBuilder(JobKeys.JOB_NAME, repo)
                .listener(new RunLifecycleListener(jdbc))
                .listener(new JobExecutionListener() {
                    // A restart must judge by the policy the run started with: a changed policy stops it
                    // before anything is scanned (RunParameters.policy), not at the assessment.
                    @Override
                    public void beforeJob(JobExecution execution) {
                        policy.getObject();
                    }
                })
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
    HostListReader hostListReader(RunParameters run) {
        return new HostListReader(run.settings().get(Settings.INPUT).orElseThrow());
    }

    @Bean
    @StepScope
    ItemWriter<HostListItem> ingestWriter(TargetStore targets, RunStore runs, @Value(RUN_ID) long runId) {
        return new IngestWriter(targets, runs, runId);
    }

    @Bean
    Step ingest(
            JobRepository repo,
            PlatformTransactionManager tm,
            HostListReader hostListReader,
            ItemWriter<HostListItem> ingestWriter) {
        return new StepBuilder("ingest", repo)
                .<HostListItem, HostListItem>chunk(INGEST_CHUNK)
                .transactionManager(tm)
                .reader(hostListReader)
                .writer(ingestWriter)
                .build();
    }

    @Bean
    @JobScope
    Step inputCheck(JobRepository repo, PlatformTransactionManager tm, TargetStore targets, RunParameters run) {
        double share = run.settings().get(Settings.MAX_REJECTED_SHARE);
        return new StepBuilder("inputCheck", repo)
                .tasklet(new InputCheckTasklet(targets, run.runId(), share), tm)
                .build();
    }

    // --- scan ---

    @Bean
    @JobScope
    Step scan(JobRepository repo, Step scanWorker, TargetStore targets, Progress progress, RunParameters run) {
        return new StepBuilder("scan", repo)
                .partitioner("scanWorker", new LineRangePartitioner(targets, run.runId()))
                .step(scanWorker)
                .gridSize(run.settings().get(Settings.PARTITIONS))
                .taskExecutor(new VirtualThreadTaskExecutor("partition-"))
                .listener(new Progress.Start(progress, targets))
                .build();
    }

    @Bean
    @StepScope
    ScanningReader scanningReader(
            TargetStore targets,
            RunParameters run,
            Scanner scanner,
            ResponderProbe probe,
            @Value(FROM) long from,
            @Value(TO) long to) {
        int window = Math.max(
                1, run.settings().get(Settings.CONCURRENCY) / run.settings().get(Settings.PARTITIONS));
        LinePager<Target> unscanned = new LinePager<>(
                from, to, ScanningReader.PAGE, (lo, hi, n) -> targets.unscanned(run.runId(), lo, hi, n));
        // The live query belongs to the scan phase (network); it only adds facts to the observation.
        return new ScanningReader(unscanned, window, t -> probe.probe(scanner.scan(t)));
    }

    @Bean
    @StepScope
    ItemWriter<Observation> observationWriter(
            ObservationStore observations,
            PlatformTransactionManager tm,
            Progress progress,
            @Value(RUN_ID) long runId) {
        return new ObservationWriter(observations, new TransactionTemplate(tm), runId, progress);
    }

    @Bean
    Step scanWorker(JobRepository repo, ScanningReader scanningReader, ItemWriter<Observation> observationWriter) {
        // No chunk transaction here on purpose: the reader does network I/O (STACK-NOTES, Spring Batch 6).
        return new StepBuilder("scanWorker", repo)
                .<Observation, Observation>chunk(SCAN_CHUNK)
                .reader(scanningReader)
                .writer(observationWriter)
                .listener(new WorkerJobScope())
                .build();
    }

    // --- assess ---

    @Bean
    @JobScope
    Step assess(JobRepository repo, Step assessWorker, TargetStore targets, RunParameters run) {
        // Assessment is CPU work: more partitions than cores would only contend.
        int grid = Math.min(
                run.settings().get(Settings.PARTITIONS), Runtime.getRuntime().availableProcessors());
        return new StepBuilder("assess", repo)
                .partitioner("assessWorker", new LineRangePartitioner(targets, run.runId()))
                .step(assessWorker)
                .gridSize(grid)
                .taskExecutor(new VirtualThreadTaskExecutor("assess-"))
                .build();
    }

    @Bean
    @StepScope
    ItemReader<Observation> observationReader(
            ObservationStore observations, @Value(RUN_ID) long runId, @Value(FROM) long from, @Value(TO) long to) {
        return new LinePager<>(from, to, ASSESS_PAGE, (lo, hi, n) -> observations.read(runId, lo, hi, n, true));
    }

    @Bean
    @StepScope
    ItemProcessor<Observation, Assessed> assessProcessor(Assessor assessor) {
        return o -> new Assessed(o.target().line(), assessor.assess(o));
    }

    @Bean
    @StepScope
    ItemWriter<Assessed> assessmentWriter(AssessmentStore assessments, @Value(RUN_ID) long runId) {
        return chunk -> assessments.write(runId, List.copyOf(chunk.getItems()));
    }

    @Bean
    Step assessWorker(
            JobRepository repo,
            PlatformTransactionManager tm,
            ItemReader<Observation> observationReader,
            ItemProcessor<Observation, Assessed> assessProcessor,
            ItemWriter<Assessed> assessmentWriter) {
        return new StepBuilder("assessWorker", repo)
                .<Observation, Assessed>chunk(ASSESS_CHUNK)
                .transactionManager(tm)
                .reader(observationReader)
                .processor(assessProcessor)
                .writer(assessmentWriter)
                .listener(new WorkerJobScope())
                .build();
    }

    // --- report ---

    @Bean
    @JobScope
    Step report(
            JobRepository repo,
            PlatformTransactionManager tm,
            JdbcTemplate jdbc,
            RunStore runs,
            RunParameters run,
            ReportWriter reports) {
        return new StepBuilder("report", repo)
                .tasklet(
                        (contribution, chunk) -> {
                            // Scanning and assessment are done: the report states the run as completed. Should this
                            // step fail, the job listener records the failure instead.
                            Instant finished = runs.find(run.runId())
                                    .map(RunStore.Run::finishedAt)
                                    .orElse(null);
                            runs.status(run.runId(), "COMPLETED", finished != null ? finished : Instant.now());
                            reports.write(new JdbcRunData(jdbc, run.runId()), run.out());
                            return RepeatStatus.FINISHED;
                        },
                        tm)
                .build();
    }

    @Bean
    Progress progress() {
        return new Progress();
    }
}
