package dev.staplescan.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.staplescan.scan.HostRules;
import dev.staplescan.settings.AuditSettings;
import dev.staplescan.settings.ReportFormat;
import dev.staplescan.settings.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Job definition files: every field read, every wrong field reported with its name and what is allowed. */
class JobDefinitionParserTest {

    @TempDir
    Path dir;

    private static final String MINIMAL = "input: lists/fleet.csv\noutput:\n  directory: out/{date}\n";

    @Test
    void aFullDefinitionIsReadWithPathsRelativeToItsFile() throws Exception {
        JobDefinition d = parse("nightly.yaml", """
                name: nightly-full
                description: all of it
                input: lists/fleet.csv
                policy: strict
                schedule: "30 2 * * *"
                time-zone: Europe/Berlin
                scan:
                  partitions: 8
                  concurrency: 512
                  connect-timeout: 2s
                  handshake-timeout: 500ms
                  endpoint-timeout: 1m
                  handshakes: 3
                  trust: ca/bundle.pem
                  max-rejected-share: 0.2
                  responder-allow: [private, "*.ca.example"]
                  responder-deny: 10.9.0.0/16
                output:
                  directory: reports/{name}/{date}
                  formats: [csv]
                  csv-bom: true
                retention:
                  keep-runs: 30
                  keep-days: 90
                """);
        assertEquals("nightly-full", d.name());
        assertEquals(
                "private,*.ca.example",
                d.settings().get(Settings.RESPONDER_ALLOW).toString());
        assertEquals("10.9.0.0/16", d.settings().get(Settings.RESPONDER_DENY).toString());
        assertEquals(List.of(dir.resolve("lists/fleet.csv")), d.inputs());
        assertEquals("strict", d.policy());
        assertEquals(
                AuditSettings.of(Map.ofEntries(
                        Map.entry(Settings.POLICY, "strict"),
                        Map.entry(Settings.PARTITIONS, 8),
                        Map.entry(Settings.CONCURRENCY, 512),
                        Map.entry(Settings.CONNECT_TIMEOUT, Duration.ofSeconds(2)),
                        Map.entry(Settings.HANDSHAKE_TIMEOUT, Duration.ofMillis(500)),
                        Map.entry(Settings.ENDPOINT_TIMEOUT, Duration.ofMinutes(1)),
                        Map.entry(Settings.HANDSHAKES, 3),
                        Map.entry(Settings.TRUST, Optional.of(dir.resolve("ca/bundle.pem"))),
                        Map.entry(Settings.MAX_REJECTED_SHARE, 0.2),
                        Map.entry(Settings.RESPONDER_ALLOW, HostRules.parse("private,*.ca.example")),
                        Map.entry(Settings.RESPONDER_DENY, HostRules.parse("10.9.0.0/16")),
                        Map.entry(Settings.FORMATS, Set.of(ReportFormat.CSV)),
                        Map.entry(Settings.CSV_BOM, true))),
                d.settings());
        assertEquals(30, d.retention().keepRuns().getAsInt());
        assertEquals(90, d.retention().keepDays().getAsInt());
        assertEquals(ZoneId.of("Europe/Berlin"), d.zone());
        ZonedDateTime at = ZonedDateTime.of(2026, 11, 22, 1, 0, 0, 0, ZoneId.of("Europe/Berlin"));
        assertEquals(
                at.withHour(2).withMinute(30),
                d.schedule().orElseThrow().next(at).orElseThrow());
        assertEquals(
                dir.resolve("reports/nightly-full/2026-11-22").toString(),
                d.output().expand(d.name(), d.inputs().get(0), at));
    }

    @Test
    void defaultsAreThoseOfScanAndTheNameIsTheFileName() throws Exception {
        JobDefinition d = parse("hourly-critical.yaml", MINIMAL);
        assertEquals("hourly-critical", d.name());
        assertEquals("default", d.policy());
        assertEquals(AuditSettings.defaults(), d.settings());
        assertEquals(Set.of(ReportFormat.PDF, ReportFormat.CSV), d.settings().get(Settings.FORMATS));
        assertTrue(d.schedule().isEmpty());
        assertTrue(!d.retention().prunes());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "five-field Unix cron    | 15 3 * * 1-5      | 2026-11-23T03:15",
                "six-field Spring cron   | 0 */10 * * * *    | 2026-11-22T12:10",
                "macro                   | @daily            | 2026-11-23T00:00"
            })
    void cronInBothSyntaxesAndMacros(String what, String cron, String next) throws Exception {
        JobDefinition d = parse("c.yaml", MINIMAL + "schedule: \"" + cron + "\"\ntime-zone: UTC\n");
        ZonedDateTime sundayNoon = ZonedDateTime.of(2026, 11, 22, 12, 0, 0, 0, ZoneId.of("UTC"));
        assertEquals(
                next,
                d.schedule()
                        .orElseThrow()
                        .next(sundayNoon)
                        .orElseThrow()
                        .toLocalDateTime()
                        .toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "partitions: 0                  | scan.partitions: must be a whole number from 1 to 256, not '0'",
                "concurrency: many              | scan.concurrency: must be a whole number from 1 to 100000, not 'many'",
                "connect-timeout: 10            | scan.connect-timeout: must be a duration such as 500ms",
                "handshake-timeout: -1s         | scan.handshake-timeout: must be a duration",
                "handshakes: 99                 | scan.handshakes: must be a whole number from 1 to",
                "max-rejected-share: 2          | scan.max-rejected-share: must be a number from 0 to 1",
                "parts: 4                       | scan.parts: unknown field (allowed here: all-addresses, concurrency, connect-timeout"
            })
    void eachWrongScanFieldIsNamed(String line, String expected) {
        assertProblem(MINIMAL + "scan:\n  " + line + "\n", expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "schedule: \"61 * * * *\"                  | schedule: '61 * * * *' is not a valid cron expression",
                "schedule: \"* * *\"                       | schedule: '* * *' has 3 fields; write 5 (Unix cron",
                "time-zone: Mars/Olympus                 | time-zone: 'Mars/Olympus' is not a time zone (allowed: a region",
                "name: has space                         | name: 'has space' must be 1 to 100 letters, digits",
                "sechedule: \"* * * * *\"                  | sechedule: unknown field (allowed here: description, input, inputs",
                "retention: {keep-runs: 0}              | retention.keep-runs: must be a whole number from 1 to 1000000, not '0'",
                "retention: {keep-weeks: 2}             | retention.keep-weeks: unknown field (allowed here: keep-days, keep-runs)",
                "scan: 8                                 | scan: must be a mapping of fields"
            })
    void eachWrongTopLevelFieldIsNamed(String line, String expected) {
        assertProblem(MINIMAL + line + "\n", expected);
    }

    @Test
    void outputProblems() {
        assertProblem("input: a.csv\n", "output.directory: is required");
        assertProblem(
                "input: a.csv\noutput:\n  directory: r/{day}\n",
                "output.directory: unknown placeholder {day} " + "(allowed: {name}, {input}, {date}, {time}, {run})");
        assertProblem(
                "input: a.csv\noutput:\n  directory: r\n  formats: [pdf, xlsx]\n",
                "output.formats: unknown format 'xlsx' (allowed: pdf, csv)");
        assertProblem(
                "input: a.csv\noutput:\n  directory: r\n  csv-bom: maybe\n", "output.csv-bom: must be true or false");
        assertProblem(
                "inputs: [a.csv, b.csv]\noutput:\n  directory: r/{date}\n",
                "output.directory: must contain {input} or {run} when there are several inputs");
    }

    @Test
    void inputProblems() {
        assertProblem("output:\n  directory: r\n", "input: is required");
        assertProblem(
                "input: a.csv\ninputs: [b.csv]\noutput:\n  directory: r/{input}\n",
                "inputs: give either input: (one list) or inputs: (several), not both");
        assertProblem(
                "inputs: [a.csv, ./a.csv]\noutput:\n  directory: r/{input}\n",
                "inputs: names the same host list twice");
    }

    @Test
    void everyProblemOfAFileIsReportedAtOnce() throws Exception {
        DefinitionException e = assertThrows(
                DefinitionException.class,
                () -> parse(
                        "bad.yaml",
                        "input: a.csv\nscan:\n  partitions: 0\n  handshakes: 0\noutput:\n  formats: [doc]\n"));
        assertEquals(4, e.problems().size(), e.problems()::toString);
        assertTrue(e.describe().startsWith(dir.resolve("bad.yaml") + ": "), e.describe());
    }

    @Test
    void yamlSyntaxErrorsSayWhereAndHowToQuoteACron() {
        assertProblem(MINIMAL + "schedule: */5 * * * *\n", "is not valid YAML at line 4");
        assertProblem(MINIMAL + "schedule: */5 * * * *\n", "must be quoted");
        assertProblem("", "must be a YAML mapping of fields (name:, input:, schedule:, ...), but the file is empty");
        assertProblem("- a\n- b\n", "must be a YAML mapping of fields");
    }

    @Test
    void theShippedDefinitionsAreValidAndHaveUniqueNames() throws Exception {
        List<JobDefinition> defs = JobDefinitions.load(Path.of("jobs"));
        assertEquals(
                List.of("demo", "hourly-critical", "nightly-full-fleet"),
                defs.stream().map(JobDefinition::name).toList());
        defs.forEach(d -> assertTrue(d.schedule().isPresent(), d.name()));
    }

    @Test
    void twoFilesWithOneNameAreRefused() throws Exception {
        parse("a.yaml", "name: same\n" + MINIMAL);
        parse("b.yaml", "name: same\n" + MINIMAL);
        JobDefinitions.DefinitionsException e =
                assertThrows(JobDefinitions.DefinitionsException.class, () -> JobDefinitions.load(dir));
        assertTrue(e.describe().contains("b.yaml: name: 'same' is also the name of"), e.describe());
    }

    private JobDefinition parse(String file, String yaml) throws Exception {
        Path p = dir.resolve(file);
        Files.writeString(p, yaml);
        return JobDefinitionParser.parse(p);
    }

    private void assertProblem(String yaml, String expected) {
        DefinitionException e = assertThrows(DefinitionException.class, () -> parse("x.yaml", yaml));
        assertTrue(
                e.problems().stream().anyMatch(p -> p.contains(expected.strip())),
                () -> "expected a problem containing \"" + expected.strip() + "\" in " + e.problems());
    }
}
