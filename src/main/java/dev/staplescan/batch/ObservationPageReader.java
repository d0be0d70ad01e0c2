package dev.staplescan.batch;

import dev.staplescan.scan.Observation;
import dev.staplescan.store.ObservationStore;
import java.util.ArrayDeque;
import java.util.Deque;
import org.springframework.batch.infrastructure.item.ItemReader;

/**
 * The assessment worker's reader: pages through the partition's observations that have no
 * assessment yet, so a restarted partition continues where it stopped without saved state.
 */
// Not final: Spring Batch's step scope proxies it by subclassing.
public class ObservationPageReader implements ItemReader<Observation> {

    static final int PAGE = 200;

    private final ObservationStore store;
    private final long runId;
    private final long toLine;
    private final Deque<Observation> page = new ArrayDeque<>();
    private long cursor;
    private boolean exhausted;

    public ObservationPageReader(ObservationStore store, long runId, long fromLine, long toLine) {
        this.store = store;
        this.runId = runId;
        this.cursor = fromLine;
        this.toLine = toLine;
    }

    @Override
    public Observation read() {
        // A bounded window of line numbers per query, as in ScanningReader: an open range makes the
        // database sort the rest of the partition for every page.
        while (page.isEmpty() && !exhausted) {
            long upper = Math.min(toLine, cursor + PAGE);
            page.addAll(store.read(runId, cursor, upper, PAGE, true));
            cursor = upper;
            exhausted = cursor >= toLine;
        }
        return page.poll();
    }
}
