package dev.staplescan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.staplescan.check.FindingCode;
import dev.staplescan.lab.Fleet;
import dev.staplescan.lab.FleetEndpoint;
import dev.staplescan.lab.Scenario;
import dev.staplescan.report.PdfText;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real audit job, through the CLI, against the lab fleet on loopback: a real CA, OCSP
 * responder, TLS servers and an H2 file database. Asserts each endpoint's verdict and codes and
 * that the report files are there and readable.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScanCommandIT {

    private Path tmp;
    private Fleet fleet;
    private LabFiles lab;
    private CliRun scan;
    private Path out;

    @BeforeAll
    void scanTheFleet(@TempDir Path dir) {
        tmp = dir;
        fleet = Fleet.start(Arrays.asList(Scenario.values()));
        lab = LabFiles.write(fleet, tmp);
        out = tmp.resolve("out");
        // two handshakes per version: the intermittent scenario staples from the second on
        scan = lab.scan("out", "--handshakes", "2");
    }

    @AfterAll
    void stopFleet() {
        fleet.close();
    }

    @Test
    void scanExitsOneBecauseTheFleetHasFailingEndpoints() {
        assertEquals(ExitCodes.POLICY_FAILURES, scan.exitCode(), scan::toString);
        assertTrue(scan.out().startsWith("run 1: " + fleet.endpoints().size() + " endpoints"), scan::toString);
    }

    @Test
    void everyScenarioGetsItsVerdictAndExactlyItsCodes() throws Exception {
        Map<String, CSVRecord> rows = Csv.byEndpoint(out.resolve("endpoints.csv"));
        assertEquals(fleet.endpoints().size(), rows.size());
        StringBuilder wrong = new StringBuilder();
        for (FleetEndpoint e : fleet.endpoints()) {
            CSVRecord r = rows.get(e.endpoint());
            Set<String> codes = Csv.codes(r);
            Set<String> expected =
                    e.expectedCodes().stream().map(FindingCode::name).collect(Collectors.toCollection(TreeSet::new));
            if (!r.get("verdict").equals(e.expectedVerdict().name()) || !codes.equals(expected)) {
                wrong.append(String.format(
                        "%s: got %s %s, expected %s %s%n",
                        e.scenario(), r.get("verdict"), codes, e.expectedVerdict(), expected));
            }
            assertEquals(e.sni(), r.get("sni"));
        }
        assertTrue(wrong.isEmpty(), wrong::toString);
    }

    @Test
    void endpointsCsvSaysUnderWhichTlsVersionEachEndpointStapled() throws Exception {
        Map<String, CSVRecord> bySni = Csv.read(out.resolve("endpoints.csv")).stream()
                .collect(Collectors.toMap(r -> r.get("sni"), Function.identity(), (a, b) -> a));
        CSVRecord good = bySni.get(Scenario.GOOD.sni());
        CSVRecord gap = bySni.get(Scenario.TLS12_ONLY_STAPLE.sni());
        CSVRecord only12 = bySni.get(Scenario.TLS12_ONLY.sni());
        assertEquals(List.of("true", "true"), List.of(good.get("stapled_tls13"), good.get("stapled_tls12")));
        assertEquals(List.of("false", "true"), List.of(gap.get("stapled_tls13"), gap.get("stapled_tls12")));
        // a server that refuses TLS 1.3: nothing to say about stapling under it
        assertEquals(List.of("", "true"), List.of(only12.get("stapled_tls13"), only12.get("stapled_tls12")));
    }

    @Test
    void findingsCsvHasOneRowPerFindingWithTheStableColumns() throws Exception {
        Path findings = out.resolve("findings.csv");
        assertTrue(Csv.header(findings).containsAll(List.of("host", "port", "sni", "code", "severity", "message")));
        List<CSVRecord> rows = Csv.read(findings);
        assertTrue(rows.stream()
                .anyMatch(r -> r.get("code").equals("STAPLE_STATUS_REVOKED")
                        && r.get("sni").equals(Scenario.REVOKED.sni())
                        && r.get("severity").equals("CRITICAL")
                        && r.get("message").contains("revoked")));
        assertTrue(Csv.header(out.resolve("endpoints.csv"))
                .containsAll(List.of("host", "port", "sni", "owner", "environment", "verdict", "finding_codes")));
        assertEquals(List.of("line", "content", "reason"), Csv.header(out.resolve("rejections.csv")));
    }

    @Test
    void pdfNamesTheFailingEndpointsAndTheirCodes() throws Exception {
        Path pdf = out.resolve("report.pdf");
        assertTrue(new String(Files.readAllBytes(pdf), 0, 5, StandardCharsets.US_ASCII).startsWith("%PDF-"));
        String text = PdfText.of(pdf);
        for (FleetEndpoint e : fleet.endpoints()) {
            boolean failing = e.expectedVerdict().name().equals("FAIL")
                    || e.expectedVerdict().name().equals("ERROR");
            if (failing) {
                assertTrue(text.contains(e.endpoint()), () -> "PDF lacks failing endpoint " + e.endpoint());
            }
        }
        assertTrue(text.contains("MUST_STAPLE_VIOLATION"));
        assertTrue(text.contains("Failing endpoints"));
    }

    /** Scans the lab endpoints of {@code scenarios} alone, with {@code options} added, into {@code tmp/name}. */
    private CliRun scanScenarios(String name, Set<Scenario> scenarios, String... options) throws Exception {
        StringBuilder csv = new StringBuilder("host,port,sni\n");
        fleet.endpoints().stream()
                .filter(e -> scenarios.contains(e.scenario()))
                .forEach(e -> csv.append(e.address())
                        .append(',')
                        .append(e.port())
                        .append(',')
                        .append(e.sni())
                        .append('\n'));
        Path list = Files.writeString(tmp.resolve(name + ".csv"), csv);
        List<String> args = new ArrayList<>(List.of(
                "scan",
                "--input",
                list.toString(),
                "--trust",
                lab.trust().toString(),
                "--out",
                tmp.resolve(name).toString(),
                "--data",
                tmp.resolve("data-" + name).toString()));
        args.addAll(List.of(options));
        return CliRun.of(args.toArray(String[]::new));
    }

    /** The finding codes of each endpoint in {@code tmp/name/endpoints.csv}, by SNI. */
    private Map<String, String> codesBySni(String name) throws Exception {
        return Csv.read(tmp.resolve(name).resolve("endpoints.csv")).stream()
                .collect(Collectors.toMap(r -> r.get("sni"), r -> r.get("finding_codes")));
    }

    @Test
    void noResponderQueryLeavesOutEveryCodeThatNeedsTheLiveAnswer() throws Exception {
        // given the scenarios whose codes depend on the live query
        Set<Scenario> live = EnumSet.of(Scenario.REVOKED, Scenario.RESPONDER_UNREACHABLE, Scenario.RESPONDER_DISAGREES);
        // when
        CliRun off = scanScenarios("off", live, "--no-responder-query");
        // then only the staple speaks
        assertEquals(ExitCodes.POLICY_FAILURES, off.exitCode(), off::toString);
        Map<String, String> codes = codesBySni("off");
        assertEquals("STAPLE_STATUS_REVOKED", codes.get(Scenario.REVOKED.sni()));
        assertEquals("", codes.get(Scenario.RESPONDER_UNREACHABLE.sni()));
        assertEquals("", codes.get(Scenario.RESPONDER_DISAGREES.sni()));
    }

    @Test
    void aDeniedResponderIsBlockedNotUnreachable() throws Exception {
        // given the lab's responder (127.0.0.1) denied on the command line
        Set<Scenario> live = EnumSet.of(Scenario.REVOKED, Scenario.RESPONDER_DISAGREES, Scenario.RESPONDER_BLOCKED);
        // when
        CliRun run = scanScenarios("deny", live, "--responder-deny", "127.0.0.1");
        // then the live query's codes give way to OCSP_RESPONDER_BLOCKED, which fails nothing by itself
        assertEquals(ExitCodes.POLICY_FAILURES, run.exitCode(), run::toString);
        Map<String, String> codes = codesBySni("deny");
        assertEquals("STAPLE_STATUS_REVOKED;OCSP_RESPONDER_BLOCKED", codes.get(Scenario.REVOKED.sni()));
        assertEquals("OCSP_RESPONDER_BLOCKED", codes.get(Scenario.RESPONDER_DISAGREES.sni()));
        assertEquals("OCSP_RESPONDER_BLOCKED", codes.get(Scenario.RESPONDER_BLOCKED.sni()));
        String blocked = Csv.read(tmp.resolve("deny").resolve("findings.csv")).stream()
                .filter(r -> r.get("sni").equals(Scenario.REVOKED.sni())
                        && r.get("code").equals("OCSP_RESPONDER_BLOCKED"))
                .findFirst()
                .orElseThrow()
                .get("message");
        assertTrue(
                blocked.endsWith("refused by responder policy: 127.0.0.1 matches the responder deny rule 127.0.0.1/32"),
                blocked);
    }

    @Test
    void runsListsTheRunAndReportRendersItAgainFromTheDatabase() throws Exception {
        CliRun runs = CliRun.of("runs", "--data", tmp.resolve("data").toString());
        assertEquals(0, runs.exitCode(), runs::toString);
        assertTrue(
                runs.out()
                        .lines()
                        .anyMatch(l -> l.startsWith("1 ")
                                && l.contains("COMPLETED")
                                && l.contains(lab.hosts().toAbsolutePath().toString())),
                runs::toString);

        Path again = tmp.resolve("again");
        CliRun report = lab.report(1, "again");
        assertEquals(0, report.exitCode(), report::toString);
        assertEquals(
                Files.readAllLines(out.resolve("endpoints.csv")), Files.readAllLines(again.resolve("endpoints.csv")));
        assertTrue(Files.size(again.resolve("report.pdf")) > 10_000);
    }
}
