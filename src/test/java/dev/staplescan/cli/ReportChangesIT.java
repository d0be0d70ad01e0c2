package dev.staplescan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.staplescan.lab.Fleet;
import dev.staplescan.lab.FleetEndpoint;
import dev.staplescan.lab.Scenario;
import dev.staplescan.report.PdfText;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real audit job run twice on the same host list (same path), with the lab changed between the
 * runs: two endpoints sit behind relays that swap the good server and the non-stapling one, so one
 * endpoint becomes failing and one is fixed under the same host:port:sni; one endpoint fails in both
 * runs; the second list adds one endpoint. The second run's PDF must show exactly that.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportChangesIT {

    private Path tmp;
    private Fleet fleet;
    private TcpRelay breaks;
    private TcpRelay heals;
    private LabFiles lab;
    private CliRun first;
    private CliRun second;

    @BeforeAll
    void scanTwiceWithAChangeBetween(@TempDir Path dir) throws IOException {
        tmp = dir;
        fleet = Fleet.start(List.of(Scenario.GOOD, Scenario.NO_STAPLE, Scenario.REVOKED, Scenario.EXPIRED_STAPLE));
        Map<Scenario, FleetEndpoint> by =
                fleet.endpoints().stream().collect(Collectors.toMap(FleetEndpoint::scenario, Function.identity()));
        InetSocketAddress good = address(by.get(Scenario.GOOD));
        InetSocketAddress noStaple = address(by.get(Scenario.NO_STAPLE));
        breaks = new TcpRelay(good);
        heals = new TcpRelay(noStaple);
        lab = new LabFiles(tmp, tmp.resolve("hosts.csv"), fleet.writeTrustBundle(tmp.resolve("lab-ca.pem")));

        List<String> lines = new ArrayList<>(List.of(
                "host,port,sni,owner,environment",
                // both relays are asked for the good server's name: behind the non-stapling server that is a
                // name mismatch and a missing staple (FAIL), behind the good one a PASS
                breaks.host() + "," + breaks.port() + "," + Scenario.GOOD.sni() + ",payments,prod",
                heals.host() + "," + heals.port() + "," + Scenario.GOOD.sni() + ",identity,prod",
                line(by.get(Scenario.REVOKED), "payments", "prod"),
                line(by.get(Scenario.GOOD), "identity", "staging")));
        Files.write(lab.hosts(), lines);
        first = lab.scan("out1");

        breaks.pointTo(noStaple);
        heals.pointTo(good);
        lines.add(line(by.get(Scenario.EXPIRED_STAPLE), "storefront", "prod"));
        Files.write(lab.hosts(), lines);
        second = lab.scan("out2");
    }

    private static InetSocketAddress address(FleetEndpoint e) {
        return new InetSocketAddress(e.address(), e.port());
    }

    private static String line(FleetEndpoint e, String owner, String environment) {
        return e.address() + "," + e.port() + "," + e.sni() + "," + owner + "," + environment;
    }

    @AfterAll
    void stop() throws IOException {
        breaks.close();
        heals.close();
        fleet.close();
    }

    @Test
    void bothRunsComplete() {
        assertEquals(ExitCodes.POLICY_FAILURES, first.exitCode(), first::toString);
        assertEquals(ExitCodes.POLICY_FAILURES, second.exitCode(), second::toString);
    }

    @Test
    void theFirstRunHasNothingToCompareWith() throws IOException {
        String text = PdfText.of(tmp.resolve("out1/report.pdf"));

        assertTrue(text.contains("Changes since the previous run"), text);
        assertTrue(text.contains("No earlier completed run of this host list is stored"), text);
    }

    @Test
    void theSecondRunShowsTheRealDifference() throws IOException {
        String text = PdfText.of(tmp.resolve("out2/report.pdf"));
        // the section, not the cover's contents list: it starts where the comparison is described
        int start = text.indexOf("Compared with");
        assertTrue(start >= 0, text);
        String changes = text.substring(start, text.indexOf("Failing endpoints", start));

        assertTrue(changes.contains("Compared with run 1 of the same host list"), changes);
        String breaksKey = breaks.host() + ":" + breaks.port() + " SNI " + Scenario.GOOD.sni();
        String healsKey = heals.host() + ":" + heals.port() + " SNI " + Scenario.GOOD.sni();
        assertTrue(section(changes, "Newly failing: 1 endpoint", "Fixed:").contains(breaksKey), changes);
        // behind the non-stapling server the good server's name mismatches and nothing is stapled
        assertTrue(
                section(changes, "Newly failing: 1 endpoint", "Fixed:")
                        .matches(".*PASS ?FAIL CERT_HOSTNAME_MISMATCH.*"),
                changes);
        assertTrue(section(changes, "Fixed: 1 endpoint", "Still failing:").contains(healsKey), changes);
        assertTrue(
                section(changes, "Still failing: 1 endpoint", "New in the host list:")
                        .contains("STAPLE_STATUS_REVOKED"),
                changes);
        assertTrue(changes.contains("New in the host list: 1 endpoint"), changes);
        assertTrue(changes.contains("STAPLE_EXPIRED"), changes);
    }

    @Test
    void theReportCommandRendersTheSameComparisonFromTheDatabase() throws IOException {
        Path again = tmp.resolve("again");
        CliRun report = lab.report(2, "again");

        assertEquals(0, report.exitCode(), report::toString);
        String text = PdfText.of(again.resolve("report.pdf"));
        assertTrue(text.contains("Newly failing: 1 endpoint"), text);
        assertTrue(text.contains("Fixed: 1 endpoint"), text);
        assertTrue(text.contains("Breakdown by owner and environment"), text);
    }

    /** The text from {@code start} up to the next {@code end} (or the end). */
    private static String section(String text, String start, String end) {
        int from = text.indexOf(start);
        assertTrue(from >= 0, () -> "no \"" + start + "\" in " + text);
        int to = text.indexOf(end, from + start.length());
        return text.substring(from, to < 0 ? text.length() : to);
    }
}
