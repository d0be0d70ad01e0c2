package dev.staplescan.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Certificates, staples and responder answers stored once by content (migration V7): {@code ss_blob}
 * holds each distinct byte string once, found by its SHA-256 (a unique key) and referred to by a
 * number ({@code id}), and {@code ss_run_blob} says which runs use it, so the pruner knows when the
 * last run that needed one is gone. Handshake and responder-answer rows hold only the ids.
 *
 * <p>Why ids and not the hashes themselves: a hash is random, an id grows with each new blob. H2
 * writes every changed index page again at each commit to disk, so an index that gains entries at
 * random places (a hash) is rewritten over and over; one that gains them at its end (a new id) is
 * not. Only {@code ss_blob}'s hash key takes random insertions, and rows are smaller (8 bytes per
 * reference, not 32).
 *
 * <p>Concurrency. Several scan partitions (and, on a shared PostgreSQL, several processes) write at
 * once, and retention may prune another run meanwhile. A writer stores a chunk's new blobs and the
 * run's references to them in a short transaction of its own, committed before the chunk's rows that
 * use them: an idempotent insert of each blob, then of each reference, both in hash order (the
 * order in which the pruner locks blobs too, so no two of them wait on each other in a cycle). The pruner deletes a run's references, locks the blobs
 * they named ({@code FOR UPDATE}) and only then deletes those no run refers to any more. Either the
 * writer commits its reference first (the pruner, waiting on the lock, then sees it and keeps the
 * blob), or the pruner deletes first (the writer's reference fails its foreign key, or, on H2, whose
 * foreign keys do not lock, its {@code MERGE} waits on the pruner's lock and inserts the blob again);
 * a failed attempt is retried. What this process saw committed is remembered ({@link KnownBlobs})
 * and not written again.
 */
final class BlobStore {

    private static final Logger log = LoggerFactory.getLogger(BlobStore.class);
    /** Distinct (run, blob) pairs remembered: a few MB, far more than the certificates a fleet shares. */
    static final int KNOWN_CAPACITY = 20_000;
    /** Values per {@code IN (...)} list when reading or pruning. */
    static final int SLICE = 500;
    /** Attempts of a writer's blob transaction that lost a race with another writer or the pruner. */
    private static final int ATTEMPTS = 5;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final String insertBlob;
    private final String insertReference;
    private final KnownBlobs known = new KnownBlobs(KNOWN_CAPACITY);

    BlobStore(JdbcTemplate jdbc, PlatformTransactionManager tm) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(tm);
        tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        Platform platform = Platform.of(jdbc.getDataSource());
        this.insertBlob = platform.insertIfAbsent("ss_blob", "hash, bytes", "hash");
        this.insertReference = platform.insertIfAbsent("ss_run_blob", "run_id, blob_id", "run_id, blob_id");
    }

    /** The distinct contents of one write, by hash: what {@link #store} is given. */
    static final class Batch {
        private final Map<ContentHash, byte[]> contents = new HashMap<>();

        /** Adds {@code content} (not copied: the caller's arrays are not changed) and returns its hash. */
        ContentHash add(byte[] content) {
            ContentHash hash = ContentHash.of(content);
            contents.putIfAbsent(hash, content);
            return hash;
        }
    }

    /**
     * Makes sure every content of the batch is in {@code ss_blob} with a reference from the run, and
     * commits that before returning, in a transaction of its own (a new one even when the caller has
     * one open) that is retried alone when it loses a race. Returns each content's blob id.
     */
    Map<ContentHash, Long> store(long runId, Batch batch) {
        Map<ContentHash, Long> ids = new HashMap<>();
        List<ContentHash> unknown = new ArrayList<>();
        for (ContentHash h : new TreeSet<>(batch.contents.keySet())) {
            Long id = known.id(runId, h);
            if (id == null) {
                unknown.add(h);
            } else {
                ids.put(h, id);
            }
        }
        if (unknown.isEmpty()) {
            return ids;
        }
        Map<ContentHash, Long> stored = null;
        for (int attempt = 1; stored == null; attempt++) {
            try {
                stored = tx.execute(s -> storeUnknown(runId, unknown, batch.contents));
            } catch (DataIntegrityViolationException | TransientDataAccessException e) {
                // Lost a race: a pruner deleted a blob between our insert and our reference (foreign
                // key), or another writer held a row we needed (lock timeout, deadlock victim). The
                // next attempt finds the database settled; the inserts are idempotent.
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                log.debug("Storing {} blobs of run {} lost a race (attempt {}): {}", unknown.size(), runId, attempt, e);
            }
        }
        stored.forEach((h, id) -> known.add(runId, h, id));
        ids.putAll(stored);
        return ids;
    }

    private Map<ContentHash, Long> storeUnknown(long runId, List<ContentHash> hashes, Map<ContentHash, byte[]> bytes) {
        jdbc.batchUpdate(insertBlob, hashes, hashes.size(), (ps, h) -> {
            ps.setBytes(1, h.bytes());
            ps.setBytes(2, bytes.get(h));
        });
        Map<ContentHash, Long> ids = new HashMap<>();
        for (List<ContentHash> slice : slices(hashes)) {
            jdbc.query(
                    "SELECT hash, id FROM ss_blob WHERE hash IN " + placeholders(slice.size()),
                    rs -> {
                        ids.put(ContentHash.fromBytes(rs.getBytes(1)), rs.getLong(2));
                    },
                    slice.stream().map(ContentHash::bytes).toArray());
        }
        List<Long> references = hashes.stream().map(ids::get).toList(); // hash order, as everywhere
        jdbc.batchUpdate(insertReference, references, references.size(), (ps, id) -> {
            ps.setLong(1, runId);
            ps.setLong(2, id);
        });
        return ids;
    }

    /** The stored bytes of each id. A reference without its blob is a corrupt database, and says so. */
    Map<Long, byte[]> load(Collection<Long> ids) {
        List<Long> distinct = List.copyOf(new TreeSet<>(ids));
        Map<Long, byte[]> found = new HashMap<>();
        for (List<Long> slice : slices(distinct)) {
            jdbc.query(
                    "SELECT id, bytes FROM ss_blob WHERE id IN " + placeholders(slice.size()),
                    rs -> {
                        found.put(rs.getLong(1), rs.getBytes(2));
                    },
                    slice.toArray());
        }
        for (Long id : distinct) {
            if (!found.containsKey(id)) {
                throw new IllegalStateException(
                        "Stored blob " + id + " is missing from ss_blob: the database is corrupt");
            }
        }
        return found;
    }

    /**
     * Drops the run's references and deletes the blobs no other run refers to, a slice at a time, each
     * slice in a transaction of its own. Returns the number of blobs deleted.
     */
    long release(long runId) {
        long deleted = 0;
        while (true) {
            List<Long> slice = jdbc.queryForList(
                    "SELECT blob_id FROM ss_run_blob WHERE run_id = ? ORDER BY blob_id FETCH FIRST " + SLICE
                            + " ROWS ONLY",
                    Long.class,
                    runId);
            if (slice.isEmpty()) {
                return deleted;
            }
            Integer n = tx.execute(s -> releaseSlice(runId, slice));
            deleted += n == null ? 0 : n;
        }
    }

    private int releaseSlice(long runId, List<Long> ids) {
        String in = placeholders(ids.size());
        List<Object> args = new ArrayList<>();
        args.add(runId);
        args.addAll(ids);
        jdbc.update("DELETE FROM ss_run_blob WHERE run_id = ? AND blob_id IN " + in, args.toArray());
        // Wait for writers that hold these blobs (H2: a MERGE that rewrote one; PostgreSQL: the key
        // share lock of a reference's foreign key check) to commit, so their references are seen below.
        // Hash order, the order in which writers lock them too: no cycle, no deadlock.
        jdbc.queryForList(
                "SELECT id FROM ss_blob WHERE id IN " + in + " ORDER BY hash FOR UPDATE", Long.class, ids.toArray());
        return jdbc.update(
                "DELETE FROM ss_blob WHERE id IN " + in
                        + " AND NOT EXISTS (SELECT 1 FROM ss_run_blob r WHERE r.blob_id = ss_blob.id)",
                ids.toArray());
    }

    private static <T> List<List<T>> slices(List<T> all) {
        List<List<T>> slices = new ArrayList<>();
        for (int i = 0; i < all.size(); i += SLICE) {
            slices.add(all.subList(i, Math.min(all.size(), i + SLICE)));
        }
        return slices;
    }

    private static String placeholders(int n) {
        return "(" + "?, ".repeat(n - 1) + "?)";
    }
}
