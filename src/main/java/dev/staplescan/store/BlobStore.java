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
 * holds each distinct byte string under its SHA-256, and {@code ss_run_blob} says which runs refer to
 * it, so the pruner knows when the last run that needed one is gone. Handshake and responder-answer
 * rows hold only the hashes.
 *
 * <p>Concurrency. Several scan partitions (and, on a shared PostgreSQL, several processes) write at
 * once, and retention may prune another run meanwhile. A writer stores a chunk's new blobs and the
 * run's references to them in a short transaction of its own, committed before the chunk's rows that
 * use them: an idempotent insert of each blob, then of each reference, in hash order (so two writers
 * never wait on each other in a cycle). The pruner deletes a run's references, locks the blobs they
 * named ({@code FOR UPDATE}) and only then deletes those no run refers to any more. Either the writer
 * commits its reference first (the pruner, waiting on the lock, then sees it and keeps the blob), or
 * the pruner deletes first (the writer's reference fails its foreign key, or, on H2, whose foreign
 * keys do not lock, its {@code MERGE} waits on the pruner's lock and inserts the blob again); a failed
 * attempt is retried. What this process saw committed is remembered ({@link KnownBlobs}) and not
 * written again.
 */
final class BlobStore {

    private static final Logger log = LoggerFactory.getLogger(BlobStore.class);
    /** Distinct (run, blob) pairs remembered: a few MB, far more than the certificates a fleet shares. */
    static final int KNOWN_CAPACITY = 20_000;
    /** Hashes per {@code IN (...)} list when reading or pruning. */
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
        this.insertReference = platform.insertIfAbsent("ss_run_blob", "run_id, hash", "run_id, hash");
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
     * one open) that is retried alone when it loses a race.
     */
    void store(long runId, Batch batch) {
        List<ContentHash> unknown = new TreeSet<>(batch.contents.keySet())
                .stream().filter(h -> !known.contains(runId, h)).toList();
        if (unknown.isEmpty()) {
            return;
        }
        for (int attempt = 1; ; attempt++) {
            try {
                tx.executeWithoutResult(s -> {
                    jdbc.batchUpdate(insertBlob, unknown, unknown.size(), (ps, h) -> {
                        ps.setBytes(1, h.bytes());
                        ps.setBytes(2, batch.contents.get(h));
                    });
                    jdbc.batchUpdate(insertReference, unknown, unknown.size(), (ps, h) -> {
                        ps.setLong(1, runId);
                        ps.setBytes(2, h.bytes());
                    });
                });
                break;
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
        unknown.forEach(h -> known.add(runId, h));
    }

    /** The stored bytes of each hash. A reference without its blob is a corrupt database, and says so. */
    Map<ContentHash, byte[]> load(Collection<ContentHash> hashes) {
        List<ContentHash> distinct = List.copyOf(new TreeSet<>(hashes));
        Map<ContentHash, byte[]> found = new HashMap<>();
        for (List<ContentHash> slice : slices(distinct)) {
            jdbc.query(
                    "SELECT hash, bytes FROM ss_blob WHERE hash IN " + placeholders(slice.size()),
                    rs -> {
                        found.put(ContentHash.fromBytes(rs.getBytes(1)), rs.getBytes(2));
                    },
                    slice.stream().map(ContentHash::bytes).toArray());
        }
        for (ContentHash h : distinct) {
            if (!found.containsKey(h)) {
                throw new IllegalStateException(
                        "Stored blob " + h + " is missing from ss_blob: the database is corrupt");
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
            List<byte[]> slice = jdbc.queryForList(
                    "SELECT hash FROM ss_run_blob WHERE run_id = ? ORDER BY hash FETCH FIRST " + SLICE + " ROWS ONLY",
                    byte[].class,
                    runId);
            if (slice.isEmpty()) {
                return deleted;
            }
            Integer n = tx.execute(s -> releaseSlice(runId, slice));
            deleted += n == null ? 0 : n;
        }
    }

    private int releaseSlice(long runId, List<byte[]> hashes) {
        String in = placeholders(hashes.size());
        List<Object> args = new ArrayList<>();
        args.add(runId);
        args.addAll(hashes);
        jdbc.update("DELETE FROM ss_run_blob WHERE run_id = ? AND hash IN " + in, args.toArray());
        // Wait for writers that hold these blobs (H2: a MERGE that rewrote one; PostgreSQL: the key
        // share lock of a reference's foreign key check) to commit, so their references are seen below.
        jdbc.queryForList(
                "SELECT hash FROM ss_blob WHERE hash IN " + in + " ORDER BY hash FOR UPDATE",
                byte[].class,
                hashes.toArray());
        return jdbc.update(
                "DELETE FROM ss_blob WHERE hash IN " + in
                        + " AND NOT EXISTS (SELECT 1 FROM ss_run_blob r WHERE r.hash = ss_blob.hash)",
                hashes.toArray());
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
