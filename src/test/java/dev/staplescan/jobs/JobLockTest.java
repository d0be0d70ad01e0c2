package dev.staplescan.jobs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Optional;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The job lock against an in-memory H2: held once, refused while held here or by another connection. */
class JobLockTest {

    private JdbcDataSource ds;

    @BeforeEach
    void database() throws Exception {
        ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:lock" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        try (Connection c = ds.getConnection()) {
            c.createStatement().execute("CREATE TABLE ss_job_lock (job VARCHAR(200) NOT NULL PRIMARY KEY)");
        }
    }

    @Test
    void heldOnceAndFreeAgainAfterRelease() {
        Optional<JobLock.Held> first = JobLock.tryAcquire(ds, "nightly");
        assertTrue(first.isPresent());
        assertTrue(JobLock.tryAcquire(ds, "nightly").isEmpty(), "second acquisition in this process");
        assertTrue(JobLock.tryAcquire(ds, "hourly").isPresent(), "other jobs are independent");
        first.get().close();
        Optional<JobLock.Held> again = JobLock.tryAcquire(ds, "nightly");
        assertTrue(again.isPresent());
        again.get().close();
    }

    @Test
    void refusedWhileAnotherConnectionHoldsTheRow() throws Exception {
        JobLock.tryAcquire(ds, "shared").orElseThrow().close(); // creates the row
        // given another process's connection holding the row lock
        try (Connection other = ds.getConnection()) {
            other.setAutoCommit(false);
            try (ResultSet rs = other.createStatement()
                    .executeQuery("SELECT job FROM ss_job_lock WHERE job = 'shared' FOR UPDATE")) {
                assertTrue(rs.next());
            }
            // then this process does not get it, and does not wait for it
            long t = System.nanoTime();
            assertTrue(JobLock.tryAcquire(ds, "shared").isEmpty());
            assertTrue(System.nanoTime() - t < 5_000_000_000L, "NOWAIT");
            other.rollback();
        }
        JobLock.tryAcquire(ds, "shared").orElseThrow().close();
    }
}
