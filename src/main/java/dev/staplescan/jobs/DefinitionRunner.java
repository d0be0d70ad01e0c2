package dev.staplescan.jobs;

import dev.staplescan.batch.AuditLauncher;
import dev.staplescan.jobs.RunOutcome.InputOutcome;
import dev.staplescan.jobs.RunOutcome.Kind;
import dev.staplescan.policy.Policies;
import dev.staplescan.report.RunSummary;
import dev.staplescan.settings.AuditSettings;
import dev.staplescan.settings.Settings;
import dev.staplescan.store.RunPruner;
import dev.staplescan.store.RunStore;
import dev.staplescan.store.RunSummaryStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;

/**
 * Runs one job definition now, in an open application context: under the job's lock, each host
 * list in turn either resumes its newest interrupted run (a crash, a kill, a full disk: Spring Batch
 * restart) or starts a new one; then retention prunes old runs. A run whose failure will not go away
 * (unusable list) is not resumed, and one that failed {@value #MAX_ATTEMPTS} times is abandoned, so a
 * scheduled job never retries the same broken run forever.
 */
public final class DefinitionRunner {

    /** Executions of one run (its start plus resumes) after which it is abandoned for a new run. */
    public static final int MAX_ATTEMPTS = 3;

    private static final Logger log = LoggerFactory.getLogger(DefinitionRunner.class);

    private final AuditLauncher launcher;
    private final RunStore runs;
    private final RunSummaryStore summaries;
    private final RunPruner pruner;
    private final DataSource dataSource;
    private final String scannerVersion;
    private final Consumer<String> say;

    /** {@code say} receives one line per event, for the console; the same lines go to the log. */
    public DefinitionRunner(ApplicationContext ctx, String scannerVersion, Consumer<String> say) {
        this.launcher = ctx.getBean(AuditLauncher.class);
        this.runs = ctx.getBean(RunStore.class);
        this.summaries = ctx.getBean(RunSummaryStore.class);
        this.pruner = ctx.getBean(RunPruner.class);
        this.dataSource = ctx.getBean(DataSource.class);
        this.scannerVersion = scannerVersion;
        this.say = say;
    }

    /** Runs the definition; {@code now} dates its output directories. */
    @SuppressWarnings("try") // the lock is held for the whole block, never read
    public RunOutcome run(JobDefinition def, ZonedDateTime now) throws Exception {
        Optional<JobLock.Held> lock = JobLock.tryAcquire(dataSource, def.name());
        if (lock.isEmpty()) {
            String m = "job " + def.name() + " is already running (in this or another process sharing the database); "
                    + "not started again";
            tell(m);
            return new RunOutcome(def.name(), List.of(new InputOutcome(null, Kind.LOCKED, 0, false, null, null, m)), 0);
        }
        try (JobLock.Held held = lock.get()) {
            List<InputOutcome> outcomes = new ArrayList<>();
            for (Path input : def.inputs()) {
                outcomes.add(runInput(def, input, now));
            }
            int pruned = prune(def, now);
            return new RunOutcome(def.name(), outcomes, pruned);
        }
    }

    private InputOutcome runInput(JobDefinition def, Path input, ZonedDateTime now) throws Exception {
        Optional<Path> unreadable =
                unreadable(input, def.settings().get(Settings.TRUST).orElse(null));
        if (unreadable.isPresent()) {
            String m = "job " + def.name() + ": cannot read " + unreadable.get() + " (no such file, or not readable); "
                    + "no run started";
            tell(m);
            return new InputOutcome(input, Kind.UNREADABLE, 0, false, null, null, m);
        }
        Optional<RunStore.Run> unfinished = launcher.unfinished(input, def.name());
        if (unfinished.isPresent() && launcher.attempts(unfinished.get().id()) >= MAX_ATTEMPTS) {
            long id = unfinished.get().id();
            runs.abandon(
                    id, "failed " + MAX_ATTEMPTS + " times: " + unfinished.get().failure());
            tell("job " + def.name() + ": run " + id + " failed " + MAX_ATTEMPTS
                    + " times; abandoned, starting a new run");
            unfinished = Optional.empty();
        }
        AuditLauncher.Result result;
        if (unfinished.isPresent()) {
            tell("job " + def.name() + ": resuming run " + unfinished.get().id() + " of " + input + " (started "
                    + unfinished.get().startedAt() + ")");
            result = launcher.resume(unfinished.get().id());
        } else {
            tell("job " + def.name() + ": starting a run of " + input);
            AuditSettings settings = def.settingsFor(input, now);
            result = launcher.start(settings, Policies.load(settings.get(Settings.POLICY)), scannerVersion, def.name());
        }
        Path reports = result.reports();
        if (!result.completed()) {
            RunStore.Run run = runs.find(result.runId()).orElseThrow();
            boolean resumable = run.failureKind() != null && run.failureKind().resumable();
            String m = "job " + def.name() + ": run " + result.runId() + " " + run.state() + " ("
                    + run.failureKind() + "): " + result.failure()
                    + (resumable ? "; the next start resumes it" : "; not resumable, the next start begins a new run");
            tell(m);
            return new InputOutcome(input, Kind.FAILED, result.runId(), result.resumed(), null, reports, m);
        }
        RunSummary s = summaries.find(result.runId()).orElseThrow();
        long failing = s.failing();
        String m = String.format(
                "job %s: run %d completed: %d endpoints, %d stapling, %d valid staples, %d failing; " + "reports in %s",
                def.name(), s.runId(), s.endpoints(), s.stapling(), s.validStaples(), failing, reports);
        tell(m);
        return new InputOutcome(
                input, failing > 0 ? Kind.FAILING : Kind.CLEAN, result.runId(), result.resumed(), s, reports, m);
    }

    private int prune(JobDefinition def, ZonedDateTime now) {
        List<RunStore.Run> doomed = def.retention().toPrune(runs.of(def.name(), null), now.toInstant());
        for (RunStore.Run r : doomed) {
            pruner.prune(r);
        }
        if (!doomed.isEmpty()) {
            tell("job " + def.name() + ": retention pruned the details of " + doomed.size()
                    + " old run(s); summaries kept");
        }
        return doomed.size();
    }

    private static Optional<Path> unreadable(Path input, Path trust) {
        for (Path p : trust == null ? List.of(input) : List.of(input, trust)) {
            if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private void tell(String line) {
        log.info(line);
        say.accept(line);
    }
}
