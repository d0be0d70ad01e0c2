package dev.staplescan.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.staplescan.input.Target;
import dev.staplescan.scan.Handshake;
import dev.staplescan.scan.Observation;
import dev.staplescan.scan.Outcome;
import dev.staplescan.scan.ScanOptions;
import dev.staplescan.scan.Scanner;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The scenarios where no handshake completes, scanned by the real {@link Scanner}: each ends in its
 * outcome, and within the timeout that bounds that step, so one of them never holds up a run.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class UnreachableScenariosIT {

    private static final Duration CONNECT_TIMEOUT = Duration.ofMillis(700);
    /** Generous on purpose: correctness bounds on a shared CI box, not benchmarks. */
    private static final long MARGIN_MS = 1_500;

    private static Fleet fleet;
    private static Map<Scenario, FleetEndpoint> byScenario;
    private static Scanner scanner;

    @BeforeAll
    static void start() {
        fleet = Fleet.start(List.of(Scenario.FULL_BACKLOG, Scenario.UNRESOLVABLE, Scenario.HANDSHAKE_ALERT));
        byScenario = fleet.endpoints().stream().collect(Collectors.toMap(FleetEndpoint::scenario, Function.identity()));
        scanner = new Scanner(
                ScanOptions.defaults().withConnectTimeout(CONNECT_TIMEOUT).withHandshakeTimeout(Duration.ofSeconds(2)));
    }

    @AfterAll
    static void stop() {
        scanner.close();
        fleet.close();
    }

    @Test
    void fullBacklogTimesOutOncePerVersionAtTheConnectTimeout() {
        long start = System.nanoTime();

        Observation o = scan(Scenario.FULL_BACKLOG);

        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(List.of(Outcome.CONNECT_TIMEOUT, Outcome.CONNECT_TIMEOUT), outcomes(o), o.toString());
        assertTrue(millis >= 2 * CONNECT_TIMEOUT.toMillis() - 50, "each attempt waited its timeout: " + millis + " ms");
        assertTrue(millis < 2 * CONNECT_TIMEOUT.toMillis() + MARGIN_MS, "bounded by the timeout: " + millis + " ms");
    }

    @Test
    void unresolvableIsDnsFailureWithinTheResolveTimeout() {
        long start = System.nanoTime();

        Observation o = scan(Scenario.UNRESOLVABLE);

        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(Outcome.DNS_FAILURE, o.resolution(), o.toString());
        assertEquals(List.of(), o.handshakes());
        assertTrue(millis < scanner.options().resolveTimeout().toMillis() + MARGIN_MS, "took " + millis + " ms");
    }

    @Test
    void handshakeAlertIsHandshakeFailedOnEveryAttempt() {
        Observation o = scan(Scenario.HANDSHAKE_ALERT);

        assertEquals(List.of(Outcome.HANDSHAKE_FAILED, Outcome.HANDSHAKE_FAILED), outcomes(o), o.toString());
        assertTrue(
                o.handshakes().get(0).error().toLowerCase(Locale.ROOT).contains("handshake_failure"),
                o.handshakes().get(0).error());
    }

    private static Observation scan(Scenario scenario) {
        FleetEndpoint e = byScenario.get(scenario);
        return scanner.scan(new Target(1, e.address(), e.port(), e.sni(), "", "", ""));
    }

    private static List<Outcome> outcomes(Observation o) {
        return o.handshakes().stream().map(Handshake::outcome).toList();
    }
}
