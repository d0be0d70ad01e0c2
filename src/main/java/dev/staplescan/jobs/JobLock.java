package dev.staplescan.jobs;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Makes sure one audit (by job name) runs at most once at a time: an in-process guard for the
 * scheduler's threads, and a row lock in {@code ss_job_lock} for other processes sharing the
 * database (a second {@code schedule}, a {@code run} by hand, another machine on PostgreSQL). The row
 * lock is held by an open transaction on a dedicated connection, so the database releases it when
 * the holder dies, even by kill -9: there is no stale lock to clean up.
 */
public final class JobLock {

    /** Job names held by this process. */
    private static final Set<String> HELD_HERE = ConcurrentHashMap.newKeySet();

    private JobLock() {}

    /** A held lock; closing releases it. */
    public interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /** Takes the lock of {@code job} without waiting; empty when this or another process holds it. */
    public static Optional<Held> tryAcquire(DataSource dataSource, String job) {
        if (!HELD_HERE.add(job)) {
            return Optional.empty();
        }
        boolean held = false;
        try {
            ensureRow(new JdbcTemplate(dataSource), job);
            Connection c = dataSource.getConnection();
            try {
                c.setAutoCommit(false);
                held = lockRow(c, job);
            } catch (SQLException e) {
                // H2 (lock timeout, 50200) and PostgreSQL (lock_not_available, 55P03) refuse at once under NOWAIT.
                if (!isLockBusy(e)) {
                    throw e;
                }
            } finally {
                if (!held) {
                    closeQuietly(c);
                }
            }
            return held ? Optional.of(() -> release(c, job)) : Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot lock job " + job + " in the database: " + e.getMessage(), e);
        } finally {
            if (!held) {
                HELD_HERE.remove(job);
            }
        }
    }

    /** The job's row, created the first time the job runs (a plain read first: inserting over a locked row may wait). */
    private static void ensureRow(JdbcTemplate jdbc, String job) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM ss_job_lock WHERE job = ?", Integer.class, job);
        if (n == null || n == 0) {
            try {
                jdbc.update("INSERT INTO ss_job_lock (job) VALUES (?)", job);
            } catch (DuplicateKeyException e) {
                // Another process created it just now: fine, it exists.
            }
        }
    }

    private static boolean lockRow(Connection c, String job) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT job FROM ss_job_lock WHERE job = ? FOR UPDATE NOWAIT")) {
            ps.setString(1, job);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    static boolean isLockBusy(SQLException e) {
        return e.getErrorCode() == 50200 || "55P03".equals(e.getSQLState()) || "HYT00".equals(e.getSQLState());
    }

    private static void release(Connection c, String job) {
        try {
            c.rollback();
        } catch (SQLException e) {
            // The connection is gone (database restarted): the database has dropped the lock already.
        } finally {
            closeQuietly(c);
            HELD_HERE.remove(job);
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            // Closing a connection that failed: nothing more to release.
        }
    }
}
