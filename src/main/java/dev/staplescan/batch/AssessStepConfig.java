package dev.staplescan.batch;

import dev.staplescan.check.Assessor;
import dev.staplescan.scan.Observation;
import dev.staplescan.settings.Settings;
import dev.staplescan.store.AssessmentStore;
import dev.staplescan.store.AssessmentStore.Assessed;
import dev.staplescan.store.ObservationStore;
import dev.staplescan.store.TargetStore;
import java.util.List;
import org.springframework.batch.core.configuration.annotation.JobScope;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemReader;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.VirtualThreadTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The {@code assess} step of the audit and re-assessment jobs: pure checks over the stored
 * observations, partitioned by line range like the scan, each worker paging through its range's
 * observations that have no assessment yet and judging them with the run's assessor.
 */
@Configuration
class AssessStepConfig {

    static final int ASSESS_CHUNK = 200;
    static final int ASSESS_PAGE = 200;

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
            ObservationStore observations,
            @Value(JobKeys.RUN_ID_VALUE) long runId,
            @Value(LineRangePartitioner.FROM_VALUE) long from,
            @Value(LineRangePartitioner.TO_VALUE) long to) {
        return new LinePager<>(from, to, ASSESS_PAGE, (lo, hi, n) -> observations.read(runId, lo, hi, n, true));
    }

    @Bean
    @StepScope
    ItemProcessor<Observation, Assessed> assessProcessor(Assessor assessor) {
        return o -> new Assessed(o.target().line(), assessor.assess(o));
    }

    @Bean
    @StepScope
    ItemWriter<Assessed> assessmentWriter(AssessmentStore assessments, @Value(JobKeys.RUN_ID_VALUE) long runId) {
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
}
