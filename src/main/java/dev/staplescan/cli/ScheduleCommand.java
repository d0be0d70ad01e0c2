package dev.staplescan.cli;

import dev.staplescan.batch.JobKeys;
import dev.staplescan.jobs.AuditScheduler;
import dev.staplescan.jobs.DefinitionRunner;
import dev.staplescan.jobs.JobDefinition;
import dev.staplescan.jobs.JobDefinitions;
import dev.staplescan.jobs.RunOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code staplescan schedule [jobs/]}: the long-lived scheduler. */
@Command(
        name = "schedule",
        mixinStandardHelpOptions = true,
        description = {
            "Runs as a long-lived scheduler: fires each job definition in the directory (or the one file) on "
                    + "its cron schedule, and logs each start, end and outcome to the console and the log file.%n",
            "A job still running is never started a second time, by this or another process sharing the database. "
                    + "The database is opened only while a job runs, so 'runs', 'trend' and 'report' work in between.%n",
            "SIGTERM or Ctrl-C stops it: no new firings, running audits are asked to stop after their current chunk "
                    + "(and are resumed by the next start), then it exits.%n"
        })
public final class ScheduleCommand implements Callable<Integer> {

    @Mixin
    DataOption data;

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "DIR_OR_FILE",
            defaultValue = "jobs",
            description = "Job definitions: a directory of *.yaml files or one file (default: ${DEFAULT-VALUE}).")
    Path jobs;

    @Option(
            names = "--grace",
            paramLabel = "DURATION",
            defaultValue = "60s",
            converter = DurationConverter.class,
            description = "On SIGTERM, how long to wait for running audits to stop (default: ${DEFAULT-VALUE}).")
    Duration grace;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    /** Contexts of the audits running now, so a shutdown can stop their jobs. */
    private final Set<ConfigurableApplicationContext> open = ConcurrentHashMap.newKeySet();

    @Override
    public Integer call() throws Exception {
        if (!Files.exists(jobs)) {
            System.err.println("staplescan: no job definitions at '" + jobs + "' (no such file or directory).");
            return ExitCodes.COULD_NOT_RUN;
        }
        List<JobDefinition> defs;
        try {
            defs = JobDefinitions.load(jobs);
        } catch (JobDefinitions.DefinitionsException e) {
            System.err.print(e.describe());
            return ExitCodes.COULD_NOT_RUN;
        }
        // Fail now, not at 2 a.m.: the database must open (and is migrated) before anything is scheduled.
        try {
            AppContext.open(data.database(), false).close();
            say("database " + data.database().describe() + " ready");
        } catch (RuntimeException e) {
            System.err.println("staplescan: " + AppContext.explain(e));
            return ExitCodes.COULD_NOT_RUN;
        }
        AuditScheduler scheduler = new AuditScheduler(defs, this::execute, ScheduleCommand::say);
        if (scheduler.start() == 0) {
            scheduler.close();
            System.err.println("staplescan: none of the " + defs.size() + " job definition(s) in '" + jobs
                    + "' has a schedule: nothing to do.");
            return ExitCodes.COULD_NOT_RUN;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> stop(scheduler, stopped), "staplescan-schedule-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        say("scheduler running; SIGTERM or Ctrl-C stops it");
        try {
            stopped.await(); // until the shutdown hook has stopped everything
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Runtime.getRuntime().removeShutdownHook(hook);
            stop(scheduler, stopped);
        }
        return ExitCodes.CLEAN;
    }

    private RunOutcome execute(JobDefinition def) throws Exception {
        ConfigurableApplicationContext ctx = AppContext.open(data.database(), false);
        open.add(ctx);
        try (ctx) {
            return new DefinitionRunner(ctx, Version.current(), ScheduleCommand::say).run(def, def.now());
        } finally {
            open.remove(ctx);
        }
    }

    private void stop(AuditScheduler scheduler, CountDownLatch stopped) {
        say("stopping: no new firings"
                + (scheduler.running().isEmpty()
                        ? ""
                        : "; asking " + scheduler.running() + " to stop (resumed by the next start)"));
        for (ConfigurableApplicationContext ctx : open) {
            try {
                JobRepository repo = ctx.getBean(JobRepository.class);
                JobOperator operator = ctx.getBean(JobOperator.class);
                for (var execution : repo.findRunningJobExecutions(JobKeys.JOB_NAME)) {
                    operator.stop(execution);
                }
            } catch (Exception e) {
                // The audit ended (and its context closed) meanwhile, or stopping failed: it will be resumed anyway.
                LoggerFactory.getLogger(ScheduleCommand.class).warn("Could not stop a running audit", e);
            }
        }
        scheduler.close(grace);
        say("scheduler stopped");
        stopped.countDown();
    }

    private static void say(String line) {
        System.out.println(LocalTime.now(ZoneId.systemDefault()).format(TIME) + " " + line);
        System.out.flush();
    }
}
