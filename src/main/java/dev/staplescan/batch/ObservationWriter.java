package dev.staplescan.batch;

import dev.staplescan.scan.Observation;
import dev.staplescan.store.ObservationStore;
import java.util.List;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Writes a chunk of observations in short transactions of the store's own. The scan worker step has
 * no chunk transaction (scanning is network I/O and must not hold a database connection), so the
 * store makes its own: the chunk's new certificates and staples first, then its rows, which are
 * stored entirely or not at all ({@link ObservationStore#write}).
 */
public record ObservationWriter(ObservationStore store, long runId, Progress progress)
        implements ItemWriter<Observation> {

    @Override
    public void write(Chunk<? extends Observation> chunk) {
        store.write(runId, List.copyOf(chunk.getItems()));
        progress.add(chunk.size());
    }
}
