package dev.staplescan.jobs;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronTrigger;

/**
 * Fires each scheduled job definition on its cron ({@code staplescan schedule}), on Spring's
 * {@link ThreadPoolTaskScheduler}: one thread per definition, so a long nightly audit does not
 * delay an hourly one. A definition whose previous run is still going is not started again: Spring's
 * cron trigger computes the next time only after a run ends, and an in-process guard refuses any
 * overlap besides; {@link JobLock} covers other processes.
 */
public final class AuditScheduler implements AutoCloseable {

    /** Runs one definition now; the scheduler logs what it returns or throws. */
    @FunctionalInterface
    public interface Executor {
        RunOutcome execute(JobDefinition definition) throws Exception;
    }

    private static final Logger log = LoggerFactory.getLogger(AuditScheduler.class);

    private final List<JobDefinition> definitions;
    private final Executor executor;
    private final Consumer<String> say;
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
    private volatile boolean started;

    /** {@code say} receives one line per start, end and outcome (the console); the same lines go to the log. */
    public AuditScheduler(List<JobDefinition> definitions, Executor executor, Consumer<String> say) {
        this.definitions = List.copyOf(definitions);
        this.executor = executor;
        this.say = say;
        scheduler.setPoolSize(Math.max(1, definitions.size()));
        scheduler.setThreadNamePrefix("audit-");
        // On close: no new firings; running audits are stopped by the caller (JobOperator.stop) and waited for.
        scheduler.setWaitForTasksToCompleteOnShutdown(true);
        scheduler.setAwaitTerminationSeconds(0);
    }

    /** Schedules every definition that has a schedule; returns how many were scheduled. */
    public int start() {
        scheduler.initialize();
        started = true;
        int scheduled = 0;
        for (JobDefinition def : definitions) {
            if (def.schedule().isEmpty()) {
                tell("job " + def.name() + " (" + def.file()
                        + ") has no schedule: not scheduled (run it with 'staplescan run')");
                continue;
            }
            CronSchedule cron = def.schedule().get();
            ScheduledFuture<?> f = scheduler.schedule(
                    () -> fire(def), new CronTrigger(cron.expression().toString(), cron.zone()));
            if (f == null) {
                tell("job " + def.name() + ": schedule '" + cron.text() + "' never fires again: not scheduled");
                continue;
            }
            scheduled++;
            tell("job " + def.name() + " scheduled '" + cron.text() + "' (" + cron.zone() + "), next at "
                    + cron.next(ZonedDateTime.now(cron.zone()))
                            .map(Object::toString)
                            .orElse("never"));
        }
        return scheduled;
    }

    /**
     * Runs one definition unless it is still running. Public for tests and for a future "run now"
     * signal; the cron trigger calls it.
     */
    public void fire(JobDefinition def) {
        if (!running.add(def.name())) {
            tell("job " + def.name() + ": still running since the last firing; this firing is skipped");
            return;
        }
        long started = System.nanoTime();
        tell("job " + def.name() + ": start");
        try {
            RunOutcome outcome = executor.execute(def);
            tell("job " + def.name() + ": end after " + seconds(started) + ": " + outcome.worst());
        } catch (Exception e) {
            // The scheduler must outlive one audit's failure (database down, disk full); the next firing retries.
            log.error("job {} failed", def.name(), e);
            say.accept("job " + def.name() + ": end after " + seconds(started) + ": ERROR " + e);
        } finally {
            running.remove(def.name());
        }
    }

    /** Names of the definitions running now. */
    public Set<String> running() {
        return Set.copyOf(running);
    }

    /** Stops firing; waits up to {@code grace} for running audits to return. */
    public void close(Duration grace) {
        if (!started) {
            return; // never started: no threads to stop
        }
        scheduler.shutdown();
        try {
            scheduler.getScheduledExecutor().awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        close(Duration.ZERO);
    }

    private static String seconds(long startedNanos) {
        return String.format(Locale.ROOT, "%.1fs", (System.nanoTime() - startedNanos) / 1e9);
    }

    private void tell(String line) {
        log.info(line);
        say.accept(line);
    }
}
