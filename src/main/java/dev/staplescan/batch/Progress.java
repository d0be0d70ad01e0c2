package dev.staplescan.batch;

import dev.staplescan.store.TargetStore;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * Scan progress for the operator: done/total, rate and ETA. Printed to stderr every few seconds
 * when stderr is a terminal; otherwise silent (cron mails and CI logs get the summary line only).
 */
public final class Progress {

    private final AtomicLong total = new AtomicLong();
    private final AtomicLong done = new AtomicLong();
    private volatile long startNanos = System.nanoTime();
    private volatile long lastAddNanos = startNanos;
    private volatile Thread ticker;

    public void start(long totalEndpoints, long alreadyDone) {
        total.set(totalEndpoints);
        done.set(alreadyDone);
        startNanos = System.nanoTime();
        lastAddNanos = startNanos;
    }

    public void add(long n) {
        done.addAndGet(n);
        lastAddNanos = System.nanoTime();
    }

    /** Starts printing to {@code out} every {@code every}, until {@link #stopTicker(PrintStream)}. */
    public synchronized void startTicker(PrintStream out, Duration every) {
        if (ticker != null) {
            return;
        }
        ticker = Thread.ofPlatform().daemon().name("progress").start(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(every.toMillis());
                    out.print("\r" + line() + "   ");
                    out.flush();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // asked to stop
            }
        });
    }

    public synchronized void stopTicker(PrintStream out) {
        if (ticker != null) {
            ticker.interrupt();
            ticker = null;
            out.print("\r" + line() + "   \n");
            out.flush();
        }
    }

    /** e.g. {@code scanned 1200/5000 (24%), 310/s, ETA 12s}. */
    public String line() {
        long d = done.get();
        long t = Math.max(total.get(), d);
        // Once everything is scanned the rate is frozen at its final value (assessment and the
        // reports follow, and are not scanning).
        long until = d >= t && t > 0 ? lastAddNanos : System.nanoTime();
        double secs = Math.max((until - startNanos) / 1e9, 0.001);
        double rate = d / secs;
        String eta = rate > 0 && t > d ? ", ETA " + format(Duration.ofSeconds((long) ((t - d) / rate))) : "";
        long pct = t == 0 ? 100 : d * 100 / t;
        return String.format("scanned %d/%d (%d%%), %.0f/s%s", d, t, pct, rate, eta);
    }

    /** Starts the count when the scan step starts or resumes: every target, and those already scanned. */
    record Start(Progress progress, TargetStore targets) implements StepExecutionListener {
        @Override
        public void beforeStep(StepExecution step) {
            long runId = step.getJobParameters().getLong(JobKeys.RUN_ID);
            progress.start(targets.countTargets(runId), targets.countScanned(runId));
        }
    }

    static String format(Duration d) {
        long s = d.toSeconds();
        return s >= 3600
                ? String.format("%dh%02dm", s / 3600, s % 3600 / 60)
                : s >= 60 ? String.format("%dm%02ds", s / 60, s % 60) : s + "s";
    }
}
