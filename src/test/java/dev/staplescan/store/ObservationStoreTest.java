package dev.staplescan.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.staplescan.input.Target;
import dev.staplescan.scan.Observation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Observations written and read back through a real H2 file: byte for byte, each blob once. */
class ObservationStoreTest {

    private static final byte[] STAPLE = "staple bytes".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] BODY = "responder answer bytes".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;

    @Test
    void observationsReadBackByteForByte() {
        // given a run with a stapling endpoint, and one whose handshakes failed or stapled nothing useful
        JdbcTemplate jdbc = StoredRuns.database(dir);
        ObservationStore store = store(jdbc);
        long run = run(jdbc, 2);
        List<Observation> written = List.of(
                Observations.stapling(StoredRuns.target(1, "a"), Observations.leaf("one.example"), STAPLE, BODY),
                Observations.failing(StoredRuns.target(2, "a"), Observations.leaf("two.example")));

        // when they are written and read back
        store.write(run, written);
        List<Observation> read = store.read(run, 0, 2, 10, false);

        // then every field and every byte is as written
        Observations.assertSame(written, read);
    }

    @Test
    void aCertificateSharedByManyEndpointsIsStoredOnce() {
        // given 300 endpoints behind one certificate, staple and responder answer, written in three chunks
        JdbcTemplate jdbc = StoredRuns.database(dir);
        ObservationStore store = store(jdbc);
        long run = run(jdbc, 301);
        byte[] leaf = Observations.leaf("shared.example");
        for (int chunk = 0; chunk < 3; chunk++) {
            List<Observation> observations = new ArrayList<>();
            for (int i = 1; i <= 100; i++) {
                observations.add(Observations.stapling(StoredRuns.target(chunk * 100 + i, "a"), leaf, STAPLE, BODY));
            }
            store.write(run, observations);
        }
        // and one endpoint with a certificate of its own
        store.write(
                run,
                List.of(Observations.stapling(
                        StoredRuns.target(301, "a"), Observations.leaf("own.example"), STAPLE, BODY)));

        // then leaf, intermediate, staple and answer are stored once, plus the one other leaf
        assertEquals(5, count(jdbc, "SELECT COUNT(*) FROM ss_blob"));
        assertEquals(5, count(jdbc, "SELECT COUNT(*) FROM ss_run_blob WHERE run_id = " + run));
        assertEquals(602, count(jdbc, "SELECT COUNT(*) FROM ss_handshake"));
        // and every endpoint still reads back its own bytes
        Observations.assertSame(
                Observations.stapling(
                        StoredRuns.target(301, "a"),
                        store.read(run, 300, 301, 1, false)
                                .get(0)
                                .handshakes()
                                .get(0)
                                .chain()
                                .get(0),
                        STAPLE,
                        BODY),
                store.read(run, 300, 301, 1, false).get(0));
        assertEquals(301, store.read(run, 0, 301, 1000, false).size());
    }

    @Test
    void partitionsAndProcessesWritingTheSameBlobsAtOnceStoreThemOnce() throws Exception {
        partitionsAndProcessesWritingTheSameBlobsAtOnceStoreThemOnce(StoredRuns.database(dir));
    }

    /** The scenario on a migrated, empty database of any platform ({@code PostgresStoreIT}). */
    static void partitionsAndProcessesWritingTheSameBlobsAtOnceStoreThemOnce(JdbcTemplate jdbc) throws Exception {
        // given two stores on one database (two processes, each with its own memory of what is stored),
        // each used by two threads (partitions), all writing endpoints that share one certificate
        List<ObservationStore> stores = List.of(store(jdbc), store(jdbc));
        long run = run(jdbc, 400);
        byte[] shared = Observations.leaf("shared.example");
        List<Future<?>> done = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            for (int partition = 0; partition < 4; partition++) {
                ObservationStore store = stores.get(partition % 2);
                int first = partition * 100;
                done.add(pool.submit(() -> {
                    for (int chunk = 0; chunk < 5; chunk++) {
                        List<Observation> observations = new ArrayList<>();
                        for (int i = 1; i <= 20; i++) {
                            Target t = StoredRuns.target(first + chunk * 20 + i, "p");
                            observations.add(Observations.stapling(t, shared, STAPLE, BODY));
                        }
                        store.write(run, observations);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(); // rethrows a writer's failure
            }
        }

        // then nothing failed, each blob is there once, and each endpoint reads back
        assertEquals(4, count(jdbc, "SELECT COUNT(*) FROM ss_blob"));
        assertEquals(4, count(jdbc, "SELECT COUNT(*) FROM ss_run_blob"));
        assertEquals(400, store(jdbc).read(run, 0, 400, 1000, false).size());
    }

    @Test
    void aReferenceWithoutItsBlobIsReportedAsCorruption() {
        JdbcTemplate jdbc = StoredRuns.database(dir);
        ObservationStore store = store(jdbc);
        long run = run(jdbc, 1);
        store.write(
                run,
                List.of(Observations.stapling(
                        StoredRuns.target(1, "a"), Observations.leaf("one.example"), STAPLE, BODY)));
        jdbc.update("DELETE FROM ss_run_blob");
        jdbc.update("DELETE FROM ss_blob WHERE bytes = ?", (Object) STAPLE);

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> store.read(run, 0, 1, 10, false));
        assertTrue(e.getMessage().contains("is missing from ss_blob"), e.getMessage());
    }

    @Test
    void blobsCommitOnTheirOwnWhateverTransactionTheCallerHasOpen() {
        JdbcTemplate jdbc = StoredRuns.database(dir);
        ObservationStore store = store(jdbc);
        long run = run(jdbc, 2);
        Observation first =
                Observations.stapling(StoredRuns.target(1, "a"), Observations.leaf("one.example"), STAPLE, BODY);
        Observation second =
                Observations.stapling(StoredRuns.target(2, "a"), Observations.leaf("two.example"), STAPLE, BODY);

        // inside the scan step's chunk transaction (Batch's resourceless one, which still binds the
        // connections used in it to the thread)
        new TransactionTemplate(new ResourcelessTransactionManager()).executeWithoutResult(s -> {
            assertEquals(0, store.read(run, 0, 2, 10, false).size());
            store.write(run, List.of(first));
        });
        // and inside a database transaction that then rolls back
        new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource())).executeWithoutResult(s -> {
            store.write(run, List.of(second));
            s.setRollbackOnly();
        });

        // then the first is stored; of the second only its blobs are (its run still refers to them)
        Observations.assertSame(List.of(first), store.read(run, 0, 2, 10, false));
        assertEquals(5, count(jdbc, "SELECT COUNT(*) FROM ss_run_blob WHERE run_id = " + run));
    }

    static ObservationStore store(JdbcTemplate jdbc) {
        return new ObservationStore(jdbc, new DataSourceTransactionManager(jdbc.getDataSource()));
    }

    /** A run with targets on lines 1 to {@code lines}. */
    static long run(JdbcTemplate jdbc, int lines) {
        long run = new RunStore(jdbc).create("list.csv", "default", "test", "", null);
        List<Target> targets = new ArrayList<>();
        for (int line = 1; line <= lines; line++) {
            targets.add(StoredRuns.target(line, "a"));
        }
        new TargetStore(jdbc).insertTargets(run, targets);
        return run;
    }

    static long count(JdbcTemplate jdbc, String sql) {
        Long n = jdbc.queryForObject(sql, Long.class);
        return n == null ? 0 : n;
    }
}
