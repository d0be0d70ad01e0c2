package dev.staplescan.batch;

import dev.staplescan.scan.Observation;
import dev.staplescan.store.ObservationStore;
import java.util.List;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes a chunk of observations in one short transaction of its own. The scan worker step has no
 * chunk transaction (scanning is network I/O and must not hold a database connection), so the
 * writer makes its own: a chunk's observations are stored entirely or not at all.
 */
public record ObservationWriter(ObservationStore store, TransactionTemplate tx, long runId, Progress progress)
        implements ItemWriter<Observation> {

    @Override
    public void write(Chunk<? extends Observation> chunk) {
        tx.executeWithoutResult(s -> store.write(runId, List.copyOf(chunk.getItems())));
        progress.add(chunk.size());
    }
}
