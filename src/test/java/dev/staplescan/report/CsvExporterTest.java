package dev.staplescan.report;

import static java.util.Map.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.staplescan.check.EndpointFacts;
import dev.staplescan.check.Finding;
import dev.staplescan.check.FindingCode;
import dev.staplescan.check.Severity;
import dev.staplescan.input.Rejection;
import dev.staplescan.text.Printable;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvExporterTest {

    @TempDir
    Path dir;

    @Test
    void endpointsRoundTripWithDocumentedHeader() throws IOException {
        List<CSVRecord> rows = exportStandard("endpoints.csv", CsvColumns.ENDPOINTS);

        // one line per column: its cells in the PASS, FAIL and ERROR rows. Finding codes go most severe
        // first; what is unknown (the ERROR row's staple and dates) is an empty cell; the owner that
        // looks like a formula is defused with a leading apostrophe.
        assertColumns(rows, """
                host           | good.example.com        | odd,host.example.com                 | gone.example.com
                port           | 443                     | 8443                                 | 443
                owner          | web-team                | '=HYPERLINK("http://x","y")          | db-team
                tags           | public;tier1            |                                      |
                verdict        | PASS                    | FAIL                                 | ERROR
                finding_codes  |                         | MUST_STAPLE_VIOLATION;STAPLE_EXPIRED | DNS_FAILURE
                worst_severity |                         | CRITICAL                             | HIGH
                addresses      | 192.0.2.10;2001:db8::10 | 192.0.2.11                           |
                stapled        | true                    | true                                 |
                must_staple    | false                   | true                                 |
                this_update    | 2026-11-22T00:00:00Z    | 2026-11-13T00:00:00Z                 |
                next_update    | 2026-11-29T00:00:00Z    | 2026-11-20T00:00:00Z                 |
                cert_days_left | 70                      | 2                                    |
                issuer         | CN=Lab Intermediate, O=staplescan | CN=Lab Intermediate, O=staplescan |
                scanned_at     | 2026-11-22T10:15:31Z    | 2026-11-22T10:15:31Z                 | 2026-11-22T10:15:31Z
                """);
        assertEquals(RunFixture.COMMA_HOST, rows.get(1).get("host"));
        assertEquals("'" + RunFixture.HYPERLINK_OWNER, rows.get(1).get("owner"));
    }

    @Test
    void findingsCarryOneRowPerFindingWithCatalogueText() throws IOException {
        List<CSVRecord> rows = exportStandard("findings.csv", CsvColumns.FINDINGS);

        assertEquals(3, rows.size());
        CSVRecord expired = rows.get(0);
        assertCells(
                expired,
                Map.ofEntries(
                        entry("host", RunFixture.COMMA_HOST),
                        entry("sni", "odd.example.com"),
                        entry("code", "STAPLE_EXPIRED"),
                        entry("severity", "HIGH"),
                        entry("message", "nextUpdate 2026-11-20T00:00:00Z is 2 days in the past"),
                        entry("owner", "'" + RunFixture.HYPERLINK_OWNER),
                        entry("title", "Staple expired")));
        assertTrue(expired.get("remediation").startsWith("The staple's nextUpdate has passed"));
        assertEquals("'-must-staple certificate without a staple", rows.get(1).get("message"));
        assertEquals("DNS_FAILURE", rows.get(2).get("code"));
    }

    @Test
    void rejectionsAreProtectedAgainstFormulas() throws IOException {
        List<CSVRecord> rows = exportStandard("rejections.csv", CsvColumns.REJECTIONS);

        assertEquals(2, rows.size());
        assertCells(rows.get(0), Map.of("line", "5", "content", "bad host!:443", "reason", "invalid host name"));
        assertEquals("'=cmd|' /C calc'!A0", rows.get(1).get("content"));
    }

    @Test
    void filesAreRfc4180WithCrlfAndOptionalBom() throws IOException {
        new CsvExporter(true).export(RunFixture.standard(), dir);

        byte[] bytes = Files.readAllBytes(dir.resolve("endpoints.csv"));
        assertEquals(0xEF, bytes[0] & 0xFF);
        assertEquals(0xBB, bytes[1] & 0xFF);
        assertEquals(0xBF, bytes[2] & 0xFF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertTrue(text.startsWith(String.join(",", CsvColumns.ENDPOINTS) + "\r\n"), text);
        assertTrue(text.contains("\r\n\"odd,host.example.com\",8443,"), "comma forces quotes");
        assertFalse(text.replace("\r\n", "").contains("\n"), "no bare LF");
        try (var files = Files.list(dir)) {
            assertEquals(3, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void controlCharactersFromServersAndListsNeverReachTheFilesRaw() throws IOException {
        // given a certificate subject that retitles a terminal, clears the screen and starts a new CSV
        // line, and a host-list line with NUL bytes
        RunFixture run = RunFixture.standard();
        EndpointRow odd = run.endpoints.get(1);
        EndpointFacts f = odd.facts();
        String subject = "CN=x\u001b]0;pwned\u0007\u001b[2J\r\nevil.example,PASS";
        run.endpoints.set(
                1,
                new EndpointRow(
                        odd.target(),
                        odd.scannedAt(),
                        odd.addresses(),
                        odd.verdict(),
                        List.of(new Finding(FindingCode.CERT_UNTRUSTED, Severity.HIGH, "the chain ends at " + subject)),
                        new EndpointFacts(
                                f.protocols(),
                                f.stapled(),
                                f.ocspStatus(),
                                f.thisUpdate(),
                                f.nextUpdate(),
                                f.certNotAfter(),
                                f.mustStaple(),
                                subject,
                                f.issuer(),
                                f.serial(),
                                f.responderUrl(),
                                f.stapledTls13(),
                                f.stapledTls12())));
        run.rejections.add(new Rejection(7, "host\u0000\u0000.example", "invalid host name"));

        // when
        new CsvExporter().export(run, dir);

        // then no file holds a control character other than the CRLF between records, and the
        // escaped text gives back the exact value
        for (String file : List.of("endpoints.csv", "findings.csv", "rejections.csv")) {
            String text = Files.readString(dir.resolve(file)).replace("\r\n", "");
            assertTrue(text.chars().noneMatch(c -> c < 0x20 || c == 0x7f), file + ": " + text);
        }
        String shown = "CN=x\\x1b]0;pwned\\x07\\x1b[2J\\x0d\\x0aevil.example,PASS";
        assertEquals(
                shown,
                parse(dir.resolve("endpoints.csv"), CsvColumns.ENDPOINTS).get(1).get("subject"));
        assertEquals(subject, Printable.unescape(shown));
        assertEquals(
                "the chain ends at " + shown,
                parse(dir.resolve("findings.csv"), CsvColumns.FINDINGS).get(0).get("message"));
        assertEquals(
                "host\\x00\\x00.example",
                parse(dir.resolve("rejections.csv"), CsvColumns.REJECTIONS)
                        .get(2)
                        .get("content"));
    }

    @Test
    void emptyRunWritesHeadersOnly() throws IOException {
        new CsvExporter().export(new RunFixture(), dir);

        assertEquals(String.join(",", CsvColumns.REJECTIONS) + "\r\n", Files.readString(dir.resolve("rejections.csv")));
    }

    /** Exports {@link RunFixture#standard()} and parses one of the files. */
    private List<CSVRecord> exportStandard(String file, List<String> header) throws IOException {
        new CsvExporter().export(RunFixture.standard(), dir);
        return parse(dir.resolve(file), header);
    }

    /**
     * Asserts every row's cells in the given columns: one line per column, its name and then the
     * expected cell of each row, separated by {@code |} (cells are trimmed).
     */
    private static void assertColumns(List<CSVRecord> rows, String table) {
        table.lines().forEach(line -> {
            String[] cells = line.split("\\|", -1);
            String column = cells[0].trim();
            assertEquals(rows.size(), cells.length - 1, "cells given for " + column);
            for (int i = 0; i < rows.size(); i++) {
                assertEquals(cells[i + 1].trim(), rows.get(i).get(column), column + " of row " + i);
            }
        });
    }

    /** Asserts cells of a row: the expected value by column name. */
    private static void assertCells(CSVRecord row, Map<String, String> expected) {
        expected.forEach((column, value) -> assertEquals(value, row.get(column), column));
    }

    /** Parses with commons-csv and checks the header is exactly the documented one. */
    static List<CSVRecord> parse(Path file, List<String> header) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = CSVFormat.RFC4180
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .get()
                        .parse(in)) {
            assertEquals(header, parser.getHeaderNames());
            return parser.getRecords();
        }
    }

    @Test
    void singleFileWritersMatchTheFullExport() throws IOException {
        RunFixture run = RunFixture.standard();
        new CsvExporter().export(run, dir.resolve("all"));
        CsvExporter exporter = new CsvExporter();

        exporter.writeEndpoints(run, dir.resolve("one/e.csv"));
        exporter.writeFindings(run, dir.resolve("one/f.csv"));

        assertEquals(Files.readString(dir.resolve("all/endpoints.csv")), Files.readString(dir.resolve("one/e.csv")));
        assertEquals(Files.readString(dir.resolve("all/findings.csv")), Files.readString(dir.resolve("one/f.csv")));
    }

    @Test
    void failureMidwayLeavesNoFileBehind() throws IOException {
        RunFixture fixture = RunFixture.standard();
        RunData broken = new DelegatingRunData(fixture) {
            @Override
            public void forEachEndpoint(Consumer<EndpointRow> action) {
                action.accept(fixture.endpoints.getFirst());
                throw new IllegalStateException("database went away");
            }
        };

        assertThrows(IllegalStateException.class, () -> new CsvExporter().export(broken, dir));

        try (var files = Files.list(dir)) {
            assertEquals(List.of(), files.toList());
        }
    }
}
