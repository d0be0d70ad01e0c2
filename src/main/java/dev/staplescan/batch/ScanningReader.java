package dev.staplescan.batch;

import dev.staplescan.input.Target;
import dev.staplescan.scan.Observation;
import dev.staplescan.scan.Outcome;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
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
 * Scans in flight at a crash are simply done again. No database connection is held while scanning
 * ({@link LinePager}).
 */
// Not final: Spring Batch's step scope proxies it by subclassing.
public class ScanningReader implements ItemStreamReader<Observation> {

    static final int PAGE = 500;

    private final LinePager<Target> targets;
    private final int window;
    private final Function<Target, Observation> scanner;
    private final BlockingQueue<Observation> completed = new LinkedBlockingQueue<>();
    private ExecutorService executor;
    private int inFlight;

    /**
     * @param targets the partition's unscanned targets
     * @param window  scans in flight at most
     * @param scanner scans one target; called on virtual threads of its own, so it must not need a
     *                Spring Batch scope context
     */
    public ScanningReader(LinePager<Target> targets, int window, Function<Target, Observation> scanner) {
        this.targets = targets;
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
            Target t = targets.read();
            if (t == null) {
                return;
            }
            inFlight++;
            executor.execute(() -> completed.add(scanSafely(t)));
        }
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
