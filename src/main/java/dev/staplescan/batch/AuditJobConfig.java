package dev.staplescan.batch;

import dev.staplescan.check.Policy;
import dev.staplescan.input.HostListItem;
import dev.staplescan.input.HostListReader;
import dev.staplescan.report.RunStatus;
import dev.staplescan.settings.Settings;
import dev.staplescan.store.JdbcRunData;
import dev.staplescan.store.RunStore;
import dev.staplescan.store.TargetStore;
import java.time.Instant;
import org.springframework.batch.core.configuration.annotation.JobScope;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The audit job: {@code ingest} (host list → targets and rejections) → {@code inputCheck} →
 * {@code scan} (partitioned; network only, results stored raw) → {@code assess} (partitioned; pure
 * checks over stored observations) → {@code report} (CSV and PDF files). Every step can be resumed
 * after a crash from the JDBC job repository and the product's own tables. The partitioned steps are
 * in {@link ScanStepConfig} and {@link AssessStepConfig}; readers, processors and writers are
 * step-scoped and built from their step execution and the run's {@link RunBeans}.
 */
@Configuration
public class AuditJobConfig {

    static final int INGEST_CHUNK = 1000;

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
    ItemWriter<HostListItem> ingestWriter(TargetStore targets, RunStore runs, @Value(JobKeys.RUN_ID_VALUE) long runId) {
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
                            runs.status(run.runId(), RunStatus.COMPLETED, finished != null ? finished : Instant.now());
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
