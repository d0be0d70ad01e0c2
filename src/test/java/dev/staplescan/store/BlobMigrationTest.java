package dev.staplescan.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.staplescan.scan.Handshake;
import dev.staplescan.scan.Observation;
import dev.staplescan.scan.ResponderAnswer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.List;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Migration V7 on runs stored before it: their chains, staples and responder answers move into
 * {@code ss_blob} and read back exactly as they were stored; pruning then frees them like any other.
 */
class BlobMigrationTest {

    private static final byte[] STAPLE = "old staple".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] BODY = "old responder answer".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;

    @Test
    void runsStoredBeforeVersion7ReadBackIdenticallyAfterIt() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + dir.resolve("db") + ";DB_CLOSE_DELAY=1");
        runsStoredBeforeVersion7ReadBackIdenticallyAfterIt(ds);
    }

    /** The scenario on an empty database of any platform ({@code PostgresStoreIT} runs it on PostgreSQL). */
    static void runsStoredBeforeVersion7ReadBackIdenticallyAfterIt(DataSource ds) {
        // given a database at version 6 with two runs written the way version 6 wrote them: both
        // endpoints of run 1 and the one of run 2 serve the same chain; one endpoint failed
        new SchemaMigrations(ds).migrateTo(6);
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        byte[] leaf = Observations.leaf("old.example");
        long run1 = ObservationStoreTest.run(jdbc, 3);
        long run2 = ObservationStoreTest.run(jdbc, 1);
        List<Observation> first = List.of(
                Observations.stapling(StoredRuns.target(1, "a"), leaf, STAPLE, BODY),
                Observations.failing(StoredRuns.target(2, "a"), Observations.leaf("other.example")),
                Observations.stapling(StoredRuns.target(3, "a"), leaf, STAPLE, BODY));
        List<Observation> second = List.of(Observations.stapling(StoredRuns.target(1, "a"), leaf, STAPLE, BODY));
        writeAsVersion6(jdbc, run1, first);
        writeAsVersion6(jdbc, run2, second);

        // when the database is migrated
        new SchemaMigrations(ds).migrate();

        // then every observation reads back as it was stored
        ObservationStore store = ObservationStoreTest.store(jdbc);
        Observations.assertSame(first, store.read(run1, 0, 3, 10, false));
        Observations.assertSame(second, store.read(run2, 0, 1, 10, false));
        // and each distinct byte string is stored once: the shared chain, the other leaf (a chain of
        // one), the staple, the empty staple, the answer body
        assertEquals(5, ObservationStoreTest.count(jdbc, "SELECT COUNT(*) FROM ss_blob"));
        assertEquals(5, ObservationStoreTest.count(jdbc, "SELECT COUNT(*) FROM ss_run_blob WHERE run_id = " + run1));
        assertEquals(3, ObservationStoreTest.count(jdbc, "SELECT COUNT(*) FROM ss_run_blob WHERE run_id = " + run2));

        // and pruning frees them: run 1 alone leaves what run 2 still uses, run 2 the rest
        RunPruner pruner = RunPrunerTest.pruner(jdbc);
        pruner.prune(new RunStore(jdbc).find(run1).orElseThrow());
        assertEquals(3, ObservationStoreTest.count(jdbc, "SELECT COUNT(*) FROM ss_blob"));
        Observations.assertSame(second, store.read(run2, 0, 1, 10, false));
        pruner.prune(new RunStore(jdbc).find(run2).orElseThrow());
        assertEquals(0, ObservationStoreTest.count(jdbc, "SELECT COUNT(*) FROM ss_blob"));
    }

    /** What {@code ObservationStore.write} did up to version 6: the bytes in the rows. */
    private static void writeAsVersion6(JdbcTemplate jdbc, long run, List<Observation> observations) {
        for (Observation o : observations) {
            jdbc.update(
                    "INSERT INTO ss_observation (run_id, line, started_at, total_ms, resolution, addresses, error) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?)",
                    run,
                    o.target().line(),
                    Timestamp.from(o.startedAt()),
                    o.totalMillis(),
                    o.resolution().name(),
                    String.join(";", o.addresses()),
                    o.error());
            for (Handshake h : o.handshakes()) {
                jdbc.update(
                        "INSERT INTO ss_handshake (run_id, line, seq, address, requested, outcome, protocol, cipher, "
                                + "chain, staple, connect_ms, handshake_ms, error) "
                                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        run,
                        o.target().line(),
                        h.sequence(),
                        h.address(),
                        h.requested().name(),
                        h.outcome().name(),
                        h.protocol(),
                        h.cipher(),
                        h.chain().isEmpty() ? null : DerChain.join(h.chain()),
                        h.staple(),
                        h.connectMillis(),
                        h.handshakeMillis(),
                        h.error());
            }
            int seq = 0;
            for (ResponderAnswer a : o.responderAnswers()) {
                jdbc.update(
                        "INSERT INTO ss_responder_answer (run_id, line, seq, url, serial, issuer_key_hash, outcome, "
                                + "http_status, body, queried_at, elapsed_ms, error) "
                                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        run,
                        o.target().line(),
                        seq++,
                        a.url(),
                        a.serial(),
                        a.issuerKeyHash(),
                        a.outcome().name(),
                        a.httpStatus(),
                        a.body(),
                        Timestamp.from(a.queriedAt()),
                        a.elapsedMillis(),
                        a.error());
            }
        }
    }
}
