package dev.staplescan.batch;

import dev.staplescan.input.HostListItem;
import dev.staplescan.input.Rejection;
import dev.staplescan.input.Target;
import dev.staplescan.store.RunStore;
import dev.staplescan.store.TargetStore;
import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Writes a chunk of host-list items: targets (duplicates dropped by the database's unique key and
 * counted) and rejections. Runs inside the chunk's transaction, together with the reader's saved
 * position, so a crash never loses or repeats a line.
 */
public record IngestWriter(TargetStore targets, RunStore runs, long runId) implements ItemWriter<HostListItem> {

    @Override
    public void write(Chunk<? extends HostListItem> chunk) {
        List<Target> ts = new ArrayList<>();
        List<Rejection> rs = new ArrayList<>();
        for (HostListItem item : chunk) {
            switch (item) {
                case Target t -> ts.add(t);
                case Rejection r -> rs.add(r);
            }
        }
        if (!ts.isEmpty()) {
            runs.addDuplicates(runId, targets.insertTargets(runId, ts));
        }
        if (!rs.isEmpty()) {
            targets.insertRejections(runId, rs);
        }
    }
}
