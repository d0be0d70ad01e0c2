package dev.staplescan.batch;

import dev.staplescan.check.Policy;
import dev.staplescan.store.AssessmentStore;
import dev.staplescan.store.RunStore;
import org.springframework.batch.core.configuration.annotation.JobScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The re-assessment job (SPEC §2: "an old run can be re-assessed under a new policy without
 * rescanning"): {@code reassessStart} (drop the run's assessments and findings, record the new
 * policy) → {@code assess} → {@code report}, the last two being the audit job's own steps, with the
 * same per-run beans ({@link RunBeans}). So the stored observations are judged exactly as in a scan,
 * partitioned and paged (memory stays flat), and the reports are written by the same code.
 */
@Configuration
public class ReassessJobConfig {

    /** The job's name in the job repository. */
    public static final String JOB_NAME = "reassess";

    @Bean
    Job reassessJob(JobRepository repo, Step reassessStart, Step assess, Step report) {
        // No RunLifecycleListener: the run's scan stays COMPLETED; only its judgement is redone.
        return new JobBuilder(JOB_NAME, repo)
                .start(reassessStart)
                .next(assess)
                .next(report)
                .build();
    }

    @Bean
    @JobScope
    Step reassessStart(
            JobRepository repo,
            PlatformTransactionManager tm,
            AssessmentStore assessments,
            RunStore runs,
            RunParameters run,
            Policy policy) {
        return new StepBuilder("reassessStart", repo)
                .tasklet(
                        (contribution, chunk) -> {
                            assessments.clear(run.runId());
                            runs.policy(run.runId(), policy.name());
                            return RepeatStatus.FINISHED;
                        },
                        tm)
                .build();
    }
}
