package dev.staplescan.batch;

import dev.staplescan.check.Assessor;
import dev.staplescan.check.Policy;
import dev.staplescan.check.TrustAnchors;
import dev.staplescan.scan.ResponderOptions;
import dev.staplescan.scan.ResponderProbe;
import dev.staplescan.scan.Scanner;
import dev.staplescan.settings.AuditSettings;
import dev.staplescan.settings.Settings;
import dev.staplescan.store.AssessmentStore;
import dev.staplescan.store.ObservationStore;
import dev.staplescan.store.RunStore;
import dev.staplescan.store.TargetStore;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * What the steps of the audit and re-assessment jobs work with, for one run: its parameters, policy,
 * trust anchors, scanner, live responder probe, assessor and report writer. Each is built from the job
 * execution alone (its parameters, {@link RunParameters}), so any JVM that shares the job repository
 * builds the same ones; each is built only when a step first needs it (a restarted run with only its
 * reports left never opens a scanner), and closed when the job execution ends. The scanner and the
 * probe are shared by all partitions, so a responder's answer is fetched once per run.
 */
@Configuration
@Import({RunStore.class, TargetStore.class, ObservationStore.class, AssessmentStore.class})
class RunBeans {

    @Bean
    @PerRun
    RunParameters runParameters(@Value("#{jobExecution}") JobExecution job) {
        return RunParameters.from(job.getJobParameters());
    }

    @Bean
    @PerRun
    Policy policy(RunParameters run) {
        return run.policy();
    }

    /** The scan needs them to find issuers for the live query, assessment to validate chains. */
    @Bean
    @PerRun
    TrustAnchors trustAnchors(RunParameters run) {
        return run.settings()
                .get(Settings.TRUST)
                .map(TrustAnchors::jdkDefaultPlus)
                .orElseGet(TrustAnchors::jdkDefault);
    }

    @Bean
    @PerRun
    Scanner scanner(RunParameters run) {
        return new Scanner(run.settings().scanOptions());
    }

    /**
     * Asks responders only about chains that lead to the run's trust anchors, and only at addresses the
     * run's responder rules and its policy file's together allow (SPEC §11).
     */
    @Bean
    @PerRun
    ResponderProbe responderProbe(RunParameters run, TrustAnchors anchors, Policy policy) {
        ResponderOptions options = run.settings().responderOptions();
        return new ResponderProbe(
                options.withPolicy(options.policy().plus(policy.responder())),
                anchors.pkixAnchors(),
                anchors::withSubject);
    }

    @Bean
    @PerRun
    Assessor assessor(TrustAnchors anchors, Policy policy) {
        return new Assessor(anchors, policy);
    }

    @Bean
    @PerRun
    ReportWriter reportWriter(RunParameters run) {
        AuditSettings s = run.settings();
        return new ReportWriter(s.get(Settings.CSV_BOM), s.get(Settings.FORMATS));
    }
}
