package dev.staplescan.lab;

import dev.staplescan.check.FindingCode;
import dev.staplescan.check.Verdict;
import java.util.Set;

/**
 * One endpoint of a running {@link Fleet} and what a correct scan of it reports.
 *
 * @param scenario        the behaviour it has
 * @param address         the loopback address literal it listens on (or, for CLOSED_PORT, where nothing listens);
 *                        for UNRESOLVABLE the name {@link Fleet#UNRESOLVABLE_HOST}: the host-list's host column
 * @param port            its TCP port
 * @param sni             the name to send and check, e.g. {@code good.lab.staplescan.test}
 * @param expectedVerdict the verdict under the default policy
 * @param expectedCodes   the finding codes under the default policy, in catalogue order
 */
public record FleetEndpoint(
        Scenario scenario,
        String address,
        int port,
        String sni,
        Verdict expectedVerdict,
        Set<FindingCode> expectedCodes) {

    /** {@code address:port}, for tables and logs. */
    public String endpoint() {
        return address + ":" + port;
    }
}
