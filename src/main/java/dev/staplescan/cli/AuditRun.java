package dev.staplescan.cli;

import dev.staplescan.batch.AuditLauncher;
import dev.staplescan.batch.Progress;
import dev.staplescan.check.Verdict;
import dev.staplescan.policy.Policies;
import dev.staplescan.policy.PolicyException;
import dev.staplescan.report.RunSummary;
import dev.staplescan.settings.AuditSettings;
import dev.staplescan.settings.Settings;
import dev.staplescan.store.JdbcRunData;
import dev.staplescan.store.RunStore;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** Runs (or resumes) one audit in a fresh Spring context and reports the outcome to the operator. */
final class AuditRun {

    private final Database db;
    private final PrintStream out = System.out;
    private final PrintStream err = System.err;

    AuditRun(Database db) {
        this.db = db;
    }

    /** Result of a finished audit, for callers that print more (the demo). */
    record Done(int exitCode, long runId, RunSummary summary, Path reports) {}

    /** Work done on the finished run while its context is still open (the demo's verdict table). */
    interface AfterRun {
        int apply(ConfigurableApplicationContext ctx, Done done) throws Exception;
    }

    int run(AuditSettings settings, boolean restart) throws Exception {
        return runAndReport(settings, restart, (ctx, done) -> done.exitCode());
    }

    /** Runs the audit, then {@code after} with the context still open; returns its exit code. */
    int runAndReport(AuditSettings settings, boolean restart, AfterRun after) throws Exception {
        Policies.Loaded policy;
        try {
            // Checked before any database or job is touched: a wrong policy is a usage error (exit 2).
            policy = Policies.load(settings.get(Settings.POLICY));
        } catch (PolicyException e) {
            err.println("staplescan: " + e.getMessage());
            return ExitCodes.COULD_NOT_RUN;
        }
        ConfigurableApplicationContext ctx;
        try {
            ctx = AppContext.open(db);
        } catch (RuntimeException e) {
            err.println("staplescan: " + AppContext.explain(e));
            return ExitCodes.COULD_NOT_RUN;
        }
        try (ctx) {
            Done done = launch(ctx, settings, policy, restart);
            int code = done.exitCode() == ExitCodes.COULD_NOT_RUN ? done.exitCode() : after.apply(ctx, done);
            return SpringApplication.exit(ctx, () -> code);
        }
    }

    private Done launch(
            ConfigurableApplicationContext ctx, AuditSettings settings, Policies.Loaded policy, boolean restart)
            throws Exception {
        AuditLauncher launcher = ctx.getBean(AuditLauncher.class);
        Progress progress = ctx.getBean(Progress.class);
        if (Terminal.isStderrTerminal()) {
            progress.startTicker(err, Duration.ofSeconds(1));
        }
        long started = System.nanoTime();
        AuditLauncher.Result result;
        Path input = settings.get(Settings.INPUT).orElseThrow();
        try {
            Optional<RunStore.Run> unfinished = restart ? launcher.unfinished(input, null) : Optional.empty();
            if (unfinished.isPresent()) {
                err.println("Resuming run " + unfinished.get().id() + " of "
                        + unfinished.get().input() + " (started "
                        + unfinished.get().startedAt() + ").");
                result = launcher.resume(unfinished.get().id());
            } else {
                if (restart) {
                    err.println("No unfinished run of " + input + ": starting a new one.");
                }
                result = launcher.start(settings, policy, Version.current(), null);
            }
        } finally {
            progress.stopTicker(err);
        }
        double secs = (System.nanoTime() - started) / 1e9;
        Path reports = result.reports();
        if (!result.completed()) {
            err.println("staplescan: run " + result.runId() + " "
                    + result.execution().getStatus() + ": " + result.failure());
            boolean resumable = ctx.getBean(RunStore.class)
                    .find(result.runId())
                    .map(r -> r.failureKind() == null || r.failureKind().resumable())
                    .orElse(true);
            err.println(
                    resumable
                            ? "Resume it with the same command and --restart once the cause is fixed."
                            : "Fix the host list and run again: this run will not be resumed, a new one starts.");
            return new Done(ExitCodes.COULD_NOT_RUN, result.runId(), null, reports);
        }
        RunSummary s = new JdbcRunData(ctx.getBean(JdbcTemplate.class), result.runId()).summary();
        out.println(summaryLine(s, secs, reports));
        return new Done(s.failing() > 0 ? ExitCodes.POLICY_FAILURES : ExitCodes.CLEAN, result.runId(), s, reports);
    }

    static String summaryLine(RunSummary s, double secs, Path reports) {
        return String.format(
                "run %d: %d endpoints in %.1fs: %d PASS, %d WARN, %d FAIL, %d ERROR; %d stapling, "
                        + "%d valid staples; %d lines rejected, %d duplicates. Reports: %s",
                s.runId(),
                s.endpoints(),
                secs,
                s.verdicts().get(Verdict.PASS),
                s.verdicts().get(Verdict.WARN),
                s.verdicts().get(Verdict.FAIL),
                s.verdicts().get(Verdict.ERROR),
                s.stapling(),
                s.validStaples(),
                s.rejections(),
                s.duplicates(),
                reports);
    }
}
