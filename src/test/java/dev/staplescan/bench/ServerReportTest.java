package dev.staplescan.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ServerReportTest {

    private static final ServerBenchmarkOptions OPTIONS =
            ServerBenchmarkOptions.parse("--server", "nginx", "--endpoints", "100", "--compare-sclient", "100");

    private static final List<OpensslClients.StimeRate> BEFORE = List.of(
            new OpensslClients.StimeRate(OpensslClients.Version.TLS13, List.of(300.0, 300.0, 400.0), List.of()),
            new OpensslClients.StimeRate(OpensslClients.Version.TLS12, List.of(500.0, 500.0, 1000.0), List.of()));
    private static final List<OpensslClients.StimeRate> AFTER = List.of(
            new OpensslClients.StimeRate(OpensslClients.Version.TLS13, List.of(200.0, 200.0, 400.0), List.of()),
            new OpensslClients.StimeRate(OpensslClients.Version.TLS12, List.of(1000.0, 1000.0, 1000.0), List.of()));

    private static ScanRun.Figures scan(int exit, OptionalLong handshakes, long valid) {
        return new ScanRun.Figures(
                List.of("java", "-jar", "staplescan.jar", "scan"),
                exit,
                10.0,
                400 * 1024,
                OptionalLong.of(100),
                OptionalLong.of(100),
                OptionalLong.of(valid),
                Optional.of(valid + " PASS, 0 WARN, 0 FAIL, " + (100 - valid) + " ERROR"),
                Optional.of(""),
                handshakes,
                OptionalLong.of(200),
                Map.of("ingest", 0.5, "scan", 6.0, "assess", 1.0, "report", 1.5),
                OptionalDouble.of(0.7),
                OptionalDouble.of(9.1),
                900_000,
                OptionalDouble.of(0.8),
                OptionalDouble.of(0.9),
                210);
    }

    private static ServerReport report(ScanRun.Figures f) {
        return new ServerReport(
                OPTIONS,
                "nginx/1.22.1",
                20_000,
                BEFORE,
                AFTER,
                0.6,
                f,
                Optional.of(new OpensslClients.Sweep(100, 100, 5.0, "xargs ...")),
                Optional.of(f),
                true);
    }

    @Test
    void theBaselineIsTheRateOfAnEqualMixOfBothVersionsBeforeAndAfter() {
        // TLS 1.3: (1000 + 800) / 2 = 900/s; TLS 1.2: (2000 + 3000) / 2 = 2500/s;
        // a pair of handshakes takes 1/900 + 1/2500 s, so the mix runs at 2 / that.
        assertEquals(
                2 / (1 / 900.0 + 1 / 2500.0),
                report(scan(0, OptionalLong.of(200), 100)).baseline(),
                1e-9);
    }

    @Test
    void theRatioUsesStoredHandshakesOverTheWholeProcess() {
        ServerReport r = report(scan(0, OptionalLong.of(200), 100));

        assertEquals(20.0, r.handshakeRate(r.scan()), 1e-9);
        String text = print(r);
        assertTrue(text.contains("ratio (b)/(a): 0.02×"), text);
        assertTrue(
                text.contains("result: exit 0; 100 endpoints (100 PASS, 0 WARN, 0 FAIL, 0 ERROR), 100 stapling"), text);
        assertTrue(text.contains("findings: none"), text);
        assertTrue(text.contains("s_time TLS 1.2 after (b): 3,000.0 handshakes/s (1,000.0 + 1,000.0 + 1,000.0)"), text);
        assertTrue(text.contains("handshakes: 200 completed of 200 attempts stored (2.00 per endpoint)"), text);
        assertTrue(
                text.contains("phases: ingest 0.50 s, scan 6.00 s, assess 1.00 s, report 1.50 s; before the job "
                        + "0.70 s (JVM start, Spring context, schema), other steps 0.10 s, after the job 0.20 s"),
                text);
        assertTrue(text.contains("database: 900,000 bytes, 9,000 bytes per endpoint"), text);
        assertTrue(text.contains("ratio staplescan/xargs: 0.50×"), text);
        assertFalse(text.contains("n/a"), text);
    }

    @Test
    void withoutTheDatabaseNginxsCountStandsInAndSaysSo() {
        ServerReport r = report(scan(0, OptionalLong.empty(), 100));

        assertEquals(21.0, r.handshakeRate(r.scan()), 1e-9);
        assertTrue(print(r).contains("[database unreadable: nginx's count used]"));
    }

    @Test
    void aMissingStapleOrAFailedScanDoesNotHold() {
        assertTrue(report(scan(0, OptionalLong.of(200), 100)).allHeld());
        assertFalse(report(scan(0, OptionalLong.of(200), 99)).allHeld());
        assertFalse(report(scan(1, OptionalLong.of(200), 100)).allHeld());
    }

    private static String print(ServerReport r) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        r.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
