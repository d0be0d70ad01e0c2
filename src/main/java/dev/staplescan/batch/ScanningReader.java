package dev.staplescan.batch;

import dev.staplescan.input.Target;
import dev.staplescan.scan.Observation;
import dev.staplescan.scan.Outcome;
import dev.staplescan.store.TargetStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * The scan worker's reader: pages through the partition's unscanned targets and keeps up to
 * {@code window} scans in flight on virtual threads, handing back observations in the order they
 * complete. A slow endpoint therefore delays only itself, not a whole chunk.
 *
 * <p>Restart needs no saved state: the target query skips every target that already has an
 * observation, so a resumed partition scans exactly the targets whose results were not written.
 * Scans in flight at a crash are simply done again. No database connection is held while scanning:
 * each page query borrows one briefly.
 */
// Not final: Spring Batch's step scope proxies it by subclassing.
public class ScanningReader implements ItemStreamReader<Observation> {

    static final int PAGE = 500;

    private final TargetStore targets;
    private final long runId;
    private final long toLine;
    private final int window;
    private final Function<Target, Observation> scanner;
    private final BlockingQueue<Observation> completed = new LinkedBlockingQueue<>();
    private final Deque<Target> pending = new ArrayDeque<>();
    private ExecutorService executor;
    private long cursor;
    private boolean exhausted;
    private int inFlight;

    public ScanningReader(
            TargetStore targets,
            long runId,
            long fromLine,
            long toLine,
            int window,
            Function<Target, Observation> scanner) {
        this.targets = targets;
        this.runId = runId;
        this.cursor = fromLine;
        this.toLine = toLine;
        this.window = Math.max(1, window);
        this.scanner = scanner;
    }

    @Override
    public void open(ExecutionContext context) {
        executor = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("scan-", 0).factory());
    }

    @Override
    public Observation read() throws InterruptedException {
        fill();
        if (inFlight == 0) {
            return null;
        }
        Observation o = completed.take();
        inFlight--;
        fill();
        return o;
    }

    private void fill() {
        while (inFlight < window) {
            Target t = nextTarget();
            if (t == null) {
                return;
            }
            inFlight++;
            executor.execute(() -> completed.add(scanSafely(t)));
        }
    }

    private Target nextTarget() {
        // Each query covers a window of PAGE line numbers, never "everything after the cursor": with an
        // open range the database sorts the whole rest of the partition for every page (quadratic).
        // Lines are dense (only rejected and duplicate lines leave gaps), so pages stay nearly full.
        while (pending.isEmpty() && !exhausted) {
            long upper = Math.min(toLine, cursor + PAGE);
            pending.addAll(targets.unscanned(runId, cursor, upper, PAGE));
            cursor = upper;
            exhausted = cursor >= toLine;
        }
        return pending.poll();
    }

    /**
     * The scanner maps every server behaviour to an outcome; an exception escaping it is a defect of
     * staplescan. It is recorded as INTERNAL_ERROR with its trace (so the endpoint is not lost and the
     * bug is visible in the report) instead of failing the whole partition.
     */
    private Observation scanSafely(Target t) {
        Instant start = Instant.now();
        try {
            return scanner.apply(t);
        } catch (RuntimeException | StackOverflowError e) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            return new Observation(
                    t,
                    start,
                    0,
                    Outcome.INTERNAL_ERROR,
                    List.of(),
                    List.of(),
                    "internal error in staplescan: " + trace);
        }
    }

    @Override
    public void close() {
        if (executor != null) {
            executor.shutdownNow(); // scans still in flight are redone on restart
            executor = null;
        }
    }
}
