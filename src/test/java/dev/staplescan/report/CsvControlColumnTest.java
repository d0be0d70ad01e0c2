package dev.staplescan.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.staplescan.check.EndpointFacts;
import dev.staplescan.check.Finding;
import dev.staplescan.check.FindingCode;
import dev.staplescan.check.Severity;
import dev.staplescan.check.Verdict;
import dev.staplescan.input.Target;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code control} column of findings.csv: the policy's control ID for each finding's code. */
class CsvControlColumnTest {

    @TempDir
    Path dir;

    @Test
    void controlIsAppendedAfterTheEarlierColumns() {
        // The CSV contract: columns are only ever appended (analysts' spreadsheets address them by position).
        assertEquals(
                "host,port,sni,code,severity,message,owner,environment,title,remediation,control",
                String.join(",", CsvColumns.FINDINGS));
    }

    @Test
    void eachFindingCarriesItsControlEmptyWhenNoneAndFormulaSafe() throws IOException {
        RunFixture run = new RunFixture();
        run.endpoints.add(new EndpointRow(
                new Target(2, "a.example.com", 443, "a.example.com", "web", "prod", ""),
                RunFixture.SCANNED,
                "192.0.2.1",
                Verdict.FAIL,
                List.of(
                        new Finding(FindingCode.STAPLE_MISSING, Severity.LOW, "no staple", "PCI-DSS 4.2.1"),
                        new Finding(FindingCode.CERT_EXPIRING_SOON, Severity.MEDIUM, "10 days left"),
                        new Finding(FindingCode.STAPLE_STALE, Severity.MEDIUM, "7 days old", "=cmd()")),
                EndpointFacts.unknown()));

        new CsvExporter().export(run, dir);

        List<CSVRecord> rows = CsvExporterTest.parse(dir.resolve("findings.csv"), CsvColumns.FINDINGS);
        assertEquals("PCI-DSS 4.2.1", rows.get(0).get("control"));
        assertEquals("LOW", rows.get(0).get("severity"));
        assertEquals("", rows.get(1).get("control"));
        assertEquals("'=cmd()", rows.get(2).get("control"));
    }
}
