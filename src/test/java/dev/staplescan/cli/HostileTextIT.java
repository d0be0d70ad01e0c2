package dev.staplescan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.staplescan.lab.EndpointSetup;
import dev.staplescan.lab.TlsEndpoint;
import dev.staplescan.lab.pki.CertificateAuthority;
import dev.staplescan.lab.pki.IssuedCert;
import dev.staplescan.lab.pki.LeafSpec;
import dev.staplescan.report.PdfText;
import dev.staplescan.text.Printable;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, point 2, end to end: a certificate subject with ESC, BEL and a line break, and a host-list
 * line with NUL bytes, reach no output file, terminal or log raw; the escaped text gives back the value.
 */
class HostileTextIT {

    private static final String SUBJECT_CN = "evil\u001b]0;pwned\u0007\u001b[2J\r\nverdict PASS";

    @TempDir
    Path tmp;

    @Test
    void controlCharactersAreEscapedInEveryOutput() throws Exception {
        Instant now = Instant.now();
        IssuedCert self = CertificateAuthority.selfSigned(new LeafSpec(
                SUBJECT_CN,
                List.of("hostile.test"),
                List.of(),
                now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(30)),
                null,
                null,
                false));
        try (TlsEndpoint server = TlsEndpoint.start(
                InetAddress.getLoopbackAddress(),
                0,
                EndpointSetup.tls(List.of(self.certificate()), self.privateKey(), null))) {
            Path list = tmp.resolve("hosts.csv");
            Files.writeString(
                    list,
                    "host,port,sni\n127.0.0.1," + server.port() + ",hostile.test\nbad\u0000\u0000host.test,443,\n"
                            + "127.0.0.1," + server.port() + ",other.test\n",
                    StandardCharsets.UTF_8);
            Path out = tmp.resolve("out");
            Path data = tmp.resolve("data");

            CliRun run =
                    CliRun.of("scan", "--input", list.toString(), "--out", out.toString(), "--data", data.toString());

            assertEquals(ExitCodes.POLICY_FAILURES, run.exitCode(), run::toString);
            for (String file : List.of("endpoints.csv", "findings.csv", "rejections.csv")) {
                String text = Files.readString(out.resolve(file)).replace("\r\n", "");
                assertFalse(text.chars().anyMatch(c -> c < 0x20 || c == 0x7f), file + " holds a control character");
            }
            CSVRecord endpoint = Csv.read(out.resolve("endpoints.csv")).get(0);
            // (RFC 2253 escapes the ';' itself; the control characters are ours to escape)
            String subject = "CN=evil\u001b]0\\;pwned\u0007\u001b[2J\r\nverdict PASS,O=staplescan lab";
            assertEquals(
                    "CN=evil\\x1b]0\\;pwned\\x07\\x1b[2J\\x0d\\x0averdict PASS,O=staplescan lab",
                    endpoint.get("subject"));
            assertEquals(subject, Printable.unescape(endpoint.get("subject")));
            CSVRecord rejected = Csv.read(out.resolve("rejections.csv")).get(0);
            assertEquals("bad\\x00\\x00host.test,443,", rejected.get("content"));
            String pdf = PdfText.of(out.resolve("report.pdf"));
            assertTrue(pdf.contains("bad\\x00\\x00host.test"), pdf);
            assertFalse(
                    pdf.chars().anyMatch(c -> c == 0x1b || c == 0x07 || c == 0), "the PDF holds a control character");
            String log = Files.readString(data.resolve("staplescan.log"));
            assertFalse(
                    log.chars().anyMatch(c -> c == 0x1b || c == 0x07 || c == 0), "the log holds a control character");
            assertFalse((run.out() + run.err()).chars().anyMatch(c -> c == 0x1b || c == 0x07 || c == 0), run::toString);
        }
    }
}
