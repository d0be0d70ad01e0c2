package dev.staplescan.batch;

import dev.staplescan.input.Target;
import dev.staplescan.scan.Observation;
import dev.staplescan.scan.ResponderProbe;
import dev.staplescan.scan.Scanner;
import dev.staplescan.settings.Settings;
import dev.staplescan.store.ObservationStore;
import dev.staplescan.store.TargetStore;
import org.springframework.batch.core.configuration.annotation.JobScope;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.VirtualThreadTaskExecutor;

/**
 * The audit's {@code scan} step: the run's targets split into line ranges ({@link LineRangePartitioner}),
 * one worker step per range on a virtual thread. A worker's reader pages through its range's unscanned
 * targets and keeps up to concurrency/partitions scans in flight with the run's scanner and responder
 * probe; its writer stores each chunk of observations in a short transaction. Network only: nothing is
 * judged here.
 */
@Configuration
class ScanStepConfig {

    static final int SCAN_CHUNK = 100;

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
            @Value(LineRangePartitioner.FROM_VALUE) long from,
            @Value(LineRangePartitioner.TO_VALUE) long to) {
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
            ObservationStore observations, Progress progress, @Value(JobKeys.RUN_ID_VALUE) long runId) {
        return new ObservationWriter(observations, runId, progress);
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
}
