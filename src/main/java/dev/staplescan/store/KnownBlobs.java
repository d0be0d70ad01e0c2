package dev.staplescan.store;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The blobs this process has seen committed for a run, both in {@code ss_blob} and in {@code
 * ss_run_blob}: a writer skips them, so a certificate that a million endpoints of a run share costs
 * one insert per process, not a million. Bounded (least recently used out), since a run of endpoints
 * with certificates of their own would otherwise keep a hash per endpoint; forgetting one only costs
 * a repeated, idempotent insert.
 *
 * <p>Keyed by run as well as by hash: what protects a blob from the pruner is the run's own {@code
 * ss_run_blob} row, and a run is pruned only once it can no longer be resumed (jobs.Retention), so an
 * entry never outlives the row it stands for while its run is still written.
 */
final class KnownBlobs {

    private record Key(long runId, ContentHash hash) {}

    private final Map<Key, Long> entries;

    KnownBlobs(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        this.entries = new LinkedHashMap<>(64, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Long> eldest) {
                return size() > capacity;
            }
        };
    }

    /**
     * The blob's id when it is known stored and referenced by the run, else {@code null}; marks it
     * recently used.
     */
    synchronized Long id(long runId, ContentHash hash) {
        return entries.get(new Key(runId, hash));
    }

    /** Call only after the transaction that stored the blob and the run's reference has committed. */
    synchronized void add(long runId, ContentHash hash, long id) {
        entries.put(new Key(runId, hash), id);
    }

    synchronized int size() {
        return entries.size();
    }
}
