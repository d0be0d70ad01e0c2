package dev.staplescan.cli;

import dev.staplescan.batch.Progress;
import dev.staplescan.jobs.DefinitionException;
import dev.staplescan.jobs.DefinitionRunner;
import dev.staplescan.jobs.JobDefinition;
import dev.staplescan.jobs.JobDefinitionParser;
import dev.staplescan.jobs.RunOutcome;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code staplescan run jobs/NAME.yaml}: one job definition, now. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Runs one job definition now (format: jobs/README.md): each of its host lists is scanned and "
                    + "reported as its own run; then its retention prunes old runs.%n",
            "If the job's previous run of a list was interrupted (crash, kill -9, power loss, full disk), that run is "
                    + "resumed instead: endpoints already scanned are not scanned again. A run that failed because its "
                    + "list is unusable, or failed " + DefinitionRunner.MAX_ATTEMPTS
                    + " times, is not resumed; a new run starts.%n"
        },
        footer = {
            "%nExit codes: 0 no failing endpoint, 1 failing endpoints (FAIL or ERROR), 2 could not run "
                    + "(bad definition, unreadable list, run failed, job already running)."
        })
public final class RunCommand implements Callable<Integer> {

    @Mixin
    DataOption data;

    @Parameters(
            index = "0",
            paramLabel = "JOB_FILE",
            description = "The job definition, e.g. jobs/nightly-full-fleet.yaml.")
    Path file;

    @Override
    public Integer call() throws Exception {
        JobDefinition def;
        try {
            def = JobDefinitionParser.parse(file);
        } catch (DefinitionException e) {
            System.err.print(e.describe());
            return ExitCodes.COULD_NOT_RUN;
        }
        ConfigurableApplicationContext ctx;
        try {
            ctx = AppContext.open(data.database());
        } catch (RuntimeException e) {
            System.err.println("staplescan: " + AppContext.explain(e));
            return ExitCodes.COULD_NOT_RUN;
        }
        try (ctx) {
            Progress progress = ctx.getBean(Progress.class);
            if (Terminal.isStderrTerminal()) {
                progress.startTicker(System.err, Duration.ofSeconds(1));
            }
            long started = System.nanoTime();
            RunOutcome outcome;
            try {
                outcome = new DefinitionRunner(ctx, Version.current(), System.err::println).run(def, def.now());
            } finally {
                progress.stopTicker(System.err);
            }
            double secs = (System.nanoTime() - started) / 1e9;
            for (RunOutcome.InputOutcome i : outcome.inputs()) {
                if (i.summary() != null) {
                    System.out.println(AuditRun.summaryLine(i.summary(), secs, i.reports()));
                }
            }
            int code = exitCode(outcome.worst());
            return SpringApplication.exit(ctx, () -> code);
        }
    }

    static int exitCode(RunOutcome.Kind worst) {
        return switch (worst) {
            case CLEAN -> ExitCodes.CLEAN;
            case FAILING -> ExitCodes.POLICY_FAILURES;
            case FAILED, UNREADABLE, LOCKED -> ExitCodes.COULD_NOT_RUN;
        };
    }
}
