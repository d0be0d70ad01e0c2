package dev.staplescan.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.staplescan.input.Rejection;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
        new CsvExporter().export(RunFixture.standard(), dir);

        List<CSVRecord> rows = parse(dir.resolve("endpoints.csv"), CsvColumns.ENDPOINTS);
        assertEquals(3, rows.size());
        CSVRecord pass = rows.get(0);
        assertEquals("good.example.com", pass.get("host"));
        assertEquals("443", pass.get("port"));
        assertEquals("public;tier1", pass.get("tags"));
        assertEquals("PASS", pass.get("verdict"));
        assertEquals("", pass.get("finding_codes"));
        assertEquals("", pass.get("worst_severity"));
        assertEquals("192.0.2.10;2001:db8::10", pass.get("addresses"));
        assertEquals("true", pass.get("stapled"));
        assertEquals("false", pass.get("must_staple"));
        assertEquals("2026-11-29T00:00:00Z", pass.get("next_update"));
        assertEquals("70", pass.get("cert_days_left"));
        assertEquals("2026-11-22T10:15:31Z", pass.get("scanned_at"));

        CSVRecord fail = rows.get(1);
        assertEquals(RunFixture.COMMA_HOST, fail.get("host"));
        assertEquals("8443", fail.get("port"));
        assertEquals("'" + RunFixture.HYPERLINK_OWNER, fail.get("owner"));
        assertEquals("FAIL", fail.get("verdict"));
        assertEquals("MUST_STAPLE_VIOLATION;STAPLE_EXPIRED", fail.get("finding_codes"), "most severe first");
        assertEquals("CRITICAL", fail.get("worst_severity"));
        assertEquals("2", fail.get("cert_days_left"));
        assertEquals("CN=Lab Intermediate, O=staplescan", fail.get("issuer"));

        CSVRecord error = rows.get(2);
        assertEquals("ERROR", error.get("verdict"));
        assertEquals("", error.get("stapled"), "unknown is an empty cell");
        assertEquals("", error.get("cert_days_left"));
        assertEquals("", error.get("this_update"));
    }

    @Test
    void findingsCarryOneRowPerFindingWithCatalogueText() throws IOException {
        new CsvExporter().export(RunFixture.standard(), dir);

        List<CSVRecord> rows = parse(dir.resolve("findings.csv"), CsvColumns.FINDINGS);
        assertEquals(3, rows.size());
        CSVRecord expired = rows.get(0);
        assertEquals(RunFixture.COMMA_HOST, expired.get("host"));
        assertEquals("odd.example.com", expired.get("sni"));
        assertEquals("STAPLE_EXPIRED", expired.get("code"));
        assertEquals("HIGH", expired.get("severity"));
        assertEquals("nextUpdate 2026-11-20T00:00:00Z is 2 days in the past", expired.get("message"));
        assertEquals("'" + RunFixture.HYPERLINK_OWNER, expired.get("owner"));
        assertEquals("Staple expired", expired.get("title"));
        assertTrue(expired.get("remediation").startsWith("The staple's nextUpdate has passed"));
        assertEquals("'-must-staple certificate without a staple", rows.get(1).get("message"));
        assertEquals("DNS_FAILURE", rows.get(2).get("code"));
    }

    @Test
    void rejectionsAreProtectedAgainstFormulas() throws IOException {
        new CsvExporter().export(RunFixture.standard(), dir);

        List<CSVRecord> rows = parse(dir.resolve("rejections.csv"), CsvColumns.REJECTIONS);
        assertEquals(2, rows.size());
        assertEquals("5", rows.get(0).get("line"));
        assertEquals("bad host!:443", rows.get(0).get("content"));
        assertEquals("invalid host name", rows.get(0).get("reason"));
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
    void emptyRunWritesHeadersOnly() throws IOException {
        new CsvExporter().export(new RunFixture(), dir);

        assertEquals(String.join(",", CsvColumns.REJECTIONS) + "\r\n", Files.readString(dir.resolve("rejections.csv")));
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
            public RunSummary summary() {
                return fixture.summary();
            }

            @Override
            public void forEachEndpoint(Consumer<EndpointRow> action) {
                action.accept(fixture.endpoints.getFirst());
                throw new IllegalStateException("database went away");
            }

            @Override
            public void forEachFailing(int limit, Consumer<EndpointRow> action) {
                fixture.forEachFailing(limit, action);
            }

            @Override
            public void forEachRejection(Consumer<Rejection> action) {
                fixture.forEachRejection(action);
            }
        };

        assertThrows(IllegalStateException.class, () -> new CsvExporter().export(broken, dir));

        try (var files = Files.list(dir)) {
            assertEquals(List.of(), files.toList());
        }
    }
}
