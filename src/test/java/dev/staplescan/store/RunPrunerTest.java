package dev.staplescan.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.staplescan.scan.Observation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** Pruning deletes a run's rows and the blobs no other run refers to, also while other runs are written. */
class RunPrunerTest {

    private static final byte[] BODY = "shared answer".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;

    @Test
    void aPrunedRunTakesItsOwnBlobsAndLeavesSharedOnes() {
        // given two runs that share the intermediate and the responder answer, each with its own leaf and staple
        JdbcTemplate jdbc = StoredRuns.database(dir);
        ObservationStore store = ObservationStoreTest.store(jdbc);
        long a = ObservationStoreTest.run(jdbc, 1);
        long b = ObservationStoreTest.run(jdbc, 1);
        store.write(a, List.of(stapling(1, "a")));
        List<Observation> runB = List.of(stapling(1, "b"));
        store.write(b, runB);
        assertEquals(6, ObservationStoreTest.count(jdbc, "SELECT COUNT(*) FROM ss_blob"));

        // when run a is pruned
        pruner(jdbc).prune(new RunStore(jdbc).find(a).orElseThrow());

        // then its rows, its responder answers included, and its own leaf and staple are gone
        for (String table : List.of("ss_observation", "ss_handshake", "ss_responder_answer", "ss_run_blob")) {
            assertEquals(0, ObservationStoreTest.count(jdbc, "SELECT COUNT(*) FROM " + table + " WHERE run_id = " + a));
        }
        assertEquals(4, ObservationStoreTest.count(jdbc, "SELECT COUNT(*) FROM ss_blob"));
        // and run b reads back whole
        Observations.assertSame(runB, store.read(b, 0, 1, 10, false));

        // when run b is pruned too, no blob is left
        pruner(jdbc).prune(new RunStore(jdbc).find(b).orElseThrow());
        assertEquals(0, ObservationStoreTest.count(jdbc, "SELECT COUNT(*) FROM ss_blob"));
    }

    @Test
    void aBlobAWriterIsAboutToCommitSurvivesThePruneOfTheLastRunUsingIt() throws Exception {
        aBlobAWriterIsAboutToCommitSurvivesThePruneOfTheLastRunUsingIt(StoredRuns.database(dir), Platform.H2);
    }

    /** The scenario on a migrated, empty database of any platform ({@code PostgresStoreIT}). */
    static void aBlobAWriterIsAboutToCommitSurvivesThePruneOfTheLastRunUsingIt(JdbcTemplate jdbc, Platform platform)
            throws Exception {
        // given a run that is the only one using a staple, and another run's writer that has stored the
        // same staple and its reference to it (the statements BlobStore uses) but not committed yet
        byte[] staple = "staple about to be shared".getBytes(StandardCharsets.US_ASCII);
        long old = ObservationStoreTest.run(jdbc, 1);
        ObservationStoreTest.store(jdbc)
                .write(
                        old,
                        List.of(Observations.stapling(
                                StoredRuns.target(1, "a"), Observations.leaf("old.example"), staple, BODY)));
        long fresh = ObservationStoreTest.run(jdbc, 1);
        byte[] hash = ContentHash.of(staple).bytes();
        try (Connection writer = jdbc.getDataSource().getConnection();
                ExecutorService pool = Executors.newSingleThreadExecutor()) {
            writer.setAutoCommit(false);
            try (PreparedStatement blob =
                            writer.prepareStatement(platform.insertIfAbsent("ss_blob", "hash, bytes", "hash"));
                    PreparedStatement id = writer.prepareStatement("SELECT id FROM ss_blob WHERE hash = ?");
                    PreparedStatement ref = writer.prepareStatement(
                            platform.insertIfAbsent("ss_run_blob", "run_id, blob_id", "run_id, blob_id"))) {
                blob.setBytes(1, hash);
                blob.setBytes(2, staple);
                blob.executeUpdate();
                id.setBytes(1, hash);
                try (ResultSet rs = id.executeQuery()) {
                    rs.next();
                    ref.setLong(1, fresh);
                    ref.setLong(2, rs.getLong(1));
                }
                ref.executeUpdate();
            }

            // when the old run is pruned meanwhile, and the writer commits a moment later
            Future<Long> prune = pool.submit(
                    () -> pruner(jdbc).prune(new RunStore(jdbc).find(old).orElseThrow()));
            Thread.sleep(300);
            assertFalse(prune.isDone(), "the pruner waits for the writer holding the staple");
            writer.commit();
            prune.get();
        }

        // then the staple the writer committed a reference to is still stored
        assertEquals(
                1,
                ObservationStoreTest.count(
                        jdbc,
                        "SELECT COUNT(*) FROM ss_blob b JOIN ss_run_blob r ON r.blob_id = b.id" + " WHERE r.run_id = "
                                + fresh));
    }

    private static Observation stapling(int line, String name) {
        return Observations.stapling(
                StoredRuns.target(line, "a"),
                Observations.leaf(name + ".example"),
                ("staple of " + name).getBytes(StandardCharsets.US_ASCII),
                BODY);
    }

    static RunPruner pruner(JdbcTemplate jdbc) {
        return new RunPruner(jdbc, new DataSourceTransactionManager(jdbc.getDataSource()));
    }
}
