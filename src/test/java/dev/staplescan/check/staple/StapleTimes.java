package dev.staplescan.check.staple;

import static dev.staplescan.check.Scenario.NOW;
import static dev.staplescan.check.Scenario.chainOf;
import static dev.staplescan.check.Scenario.leaf;
import static dev.staplescan.check.Scenario.spec;
import static dev.staplescan.check.Scenario.staple;

import dev.staplescan.check.Scenario;
import dev.staplescan.lab.pki.IssuedCert;
import dev.staplescan.scan.TlsVersion;
import java.time.Duration;

/** Endpoints stapling a good response with chosen dates, relative to {@link Scenario#NOW}. */
final class StapleTimes {

    private StapleTimes() {}

    /**
     * @param thisUpdateAgo how long before NOW thisUpdate is (negative: in the future)
     * @param nextUpdateIn  how long after NOW nextUpdate is (negative: in the past); {@code null} omits it
     */
    static Scenario stapling(Duration thisUpdateAgo, Duration nextUpdateIn) {
        IssuedCert leaf = leaf();
        byte[] s = staple(
                spec(leaf).withTimes(NOW.minus(thisUpdateAgo), nextUpdateIn == null ? null : NOW.plus(nextUpdateIn)));
        return Scenario.endpoint().handshake(TlsVersion.TLS_1_3, chainOf(leaf), s);
    }
}
