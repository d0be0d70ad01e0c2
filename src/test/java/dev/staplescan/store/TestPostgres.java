package dev.staplescan.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Assumptions;

/**
 * Connections to the PostgreSQL the tests are given ({@code STAPLESCAN_TEST_PG_URL}, {@code _USER},
 * {@code _PASSWORD}). Without one the test is skipped, except under {@code CI=true}, where {@code .ci/run}
 * starts one and its absence is a failure.
 */
public final class TestPostgres {

    private TestPostgres() {}

    public static Connection connect(String url, String user) {
        try {
            return DriverManager.getConnection(url, user, System.getenv("STAPLESCAN_TEST_PG_PASSWORD"));
        } catch (SQLException e) {
            String why = "No PostgreSQL reachable at " + url + " as " + user + " (" + e.getMessage() + ")";
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(why + ": CI must run this test (.ci/run starts a PostgreSQL for it).", e);
            }
            Assumptions.abort(why + ": skipped. Set STAPLESCAN_TEST_PG_URL / STAPLESCAN_TEST_PG_USER to run it.");
            throw new IllegalStateException(e); // not reached
        }
    }
}
