package dev.staplescan.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.staplescan.check.Finding;
import dev.staplescan.check.FindingCode;
import dev.staplescan.check.Severity;
import dev.staplescan.input.Rejection;
import dev.staplescan.input.Target;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PdfReportTest {

    @TempDir
    Path dir;

    @Test
    void rendersAReadablePdfWithEverySection() throws IOException {
        Path pdf = dir.resolve("report.pdf");

        new PdfReport().render(RunFixture.withPrevious(), pdf);

        preview(pdf, "fixture.pdf");
        byte[] head = Arrays.copyOf(Files.readAllBytes(pdf), 5);
        assertArrayEquals("%PDF-".getBytes(StandardCharsets.US_ASCII), head);
        String text = PdfText.of(pdf);
        for (String expected : new String[] {
            "OCSP stapling compliance report",
            "Run",
            "Headline figures",
            "Verdicts",
            "Findings by severity",
            "Failing endpoints",
            "Input rejections",
            "Glossary",
            "sample-inputs/fleet.csv",
            "2026-11-22 10:15:30 UTC",
            "12 min 34 s",
            "COMPLETED",
            "odd,host.example.com:8443",
            "gone.example.com:443",
            "Owner: " + RunFixture.HYPERLINK_OWNER,
            "MUST_STAPLE_VIOLATION",
            "nextUpdate 2026-11-20T00:00:00Z is 2 days in the past",
            "bad host!:443",
            "Staple expired",
            "nextUpdate has passed",
            "Breakdown by owner and environment",
            "All endpoints",
            "Changes since the previous run",
            "Compared with run 41 of the same host list",
            "Newly failing: 1 endpoint",
            "Fixed: 1 endpoint",
            "Still failing: 1 endpoint",
            "No longer in the host list: 1",
            "old.example.com:443 SNI old.example.com",
            "good.example.com:443 SNI good.example.com",
            "Methodology",
            "2 handshakes under TLS 1.3",
            "connect 5 s, TLS handshake 10 s",
            "The built-in default policy",
            "Glossary of finding codes",
            "Found in this run on 1 endpoint",
            "Not found in this run",
            "RFC 6960",
            "RFC 7633",
            "ssl_stapling on",
            "SSLUseStapling On",
            "ocsp-update on",
        }) {
            assertTrue(text.contains(expected), () -> "missing \"" + expected + "\" in:\n" + text);
        }
        int failingStart = text.indexOf("Failing endpoints Endpoints with");
        String failing = text.substring(failingStart, text.indexOf("Input rejections", failingStart));
        assertFalse(failing.contains("good.example.com:443"), "a PASS endpoint is not in the failing section");
        for (var code : FindingCode.values()) {
            assertTrue(text.contains(code.name()), () -> "the glossary lacks " + code);
        }
        assertEquals(
                List.of(
                        "Breakdown by owner and environment",
                        "Changes since the previous run",
                        "Failing endpoints",
                        "Input rejections",
                        "Methodology",
                        "Glossary of finding codes"),
                PdfText.bookmarks(pdf).stream().filter(b -> !b.startsWith(" ")).toList(),
                "top-level bookmarks");
        assertTrue(PdfText.bookmarks(pdf).contains("  MUST_STAPLE_VIOLATION"), "one bookmark per glossary code");
        assertTrue(text.contains("Page 1 of " + PdfText.pages(pdf)), text);
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void controlCharactersFromServersAndListsAreShownEscaped() throws IOException {
        RunFixture run = RunFixture.standard();
        EndpointRow odd = run.endpoints.get(1);
        run.endpoints.set(
                1,
                new EndpointRow(
                        new Target(
                                3, "odd\u0007.example.com", 8443, "odd.example.com", "team\u001b[31m", "staging", ""),
                        odd.scannedAt(),
                        odd.addresses(),
                        odd.verdict(),
                        List.of(new Finding(
                                FindingCode.CERT_UNTRUSTED, Severity.HIGH, "the chain ends at CN=x\u001b]0;t\u0007")),
                        odd.facts()));
        run.rejections.add(new Rejection(7, "host\u0000.example", "invalid host name"));
        Path pdf = dir.resolve("report.pdf");

        new PdfReport().render(run, pdf);

        String text = PdfText.of(pdf);
        for (String expected : new String[] {
            "odd\\x07.example.com:8443", "team\\x1b[31m", "the chain ends at CN=x\\x1b]0;t\\x07", "host\\x00.example"
        }) {
            assertTrue(text.contains(expected), () -> "missing \"" + expected + "\" in:\n" + text);
        }
        assertFalse(text.chars().anyMatch(c -> c == 0x1b || c == 0x07 || c == 0), "a raw control character");
    }

    /** Keeps a copy to look at when -Dstaplescan.preview.dir is set (pdftoppm -png file.pdf page). */
    static void preview(Path pdf, String name) throws IOException {
        String dir = System.getProperty("staplescan.preview.dir");
        if (dir != null) {
            Files.createDirectories(Path.of(dir));
            Files.copy(pdf, Path.of(dir, name), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    void emptyRunStillRendersEverySection() throws IOException {
        Path pdf = dir.resolve("report.pdf");

        new PdfReport().render(new RunFixture(), pdf);

        preview(pdf, "empty.pdf");
        String text = PdfText.of(pdf);
        assertTrue(text.contains("No endpoint has a FAIL or ERROR verdict."), text);
        assertTrue(text.contains("Every line of the host list could be read."), text);
        assertTrue(text.contains("No finding was recorded in this run."), text);
        assertTrue(text.contains("No earlier completed run of this host list is stored"), text);
        assertTrue(text.contains("Glossary of finding codes"), "the glossary lists every code even when none occurred");
    }

    @Test
    void aHundredThousandEndpointsAreSummarisedWithinTheCaps() throws IOException {
        ManyFailuresRun run = new ManyFailuresRun(100_000);
        Path pdf = dir.resolve("report.pdf");
        System.gc();
        long heapBefore = usedHeap();
        resetPeaks();

        long start = System.nanoTime();
        new PdfReport().render(run, pdf);
        long millis = (System.nanoTime() - start) / 1_000_000;
        long peak = peakHeap();

        preview(pdf, "hundred-thousand.pdf");
        assertFalse(run.streamedEveryEndpoint, "the PDF reads aggregates and capped lists, never every endpoint");
        assertEquals(
                PdfReport.DEFAULT_FAILING_ENDPOINT_CAP, run.largestLimitAsked, "asks for the cap, not for every row");
        assertEquals(ChangeRows.SHOWN_PER_KIND, run.largestChangeLimitAsked);
        assertTrue(run.largestGroupLimitAsked <= OverviewRows.BREAKDOWN_GROUPS);
        long bound = PdfReport.DEFAULT_FAILING_ENDPOINT_CAP
                + ChangeKind.values().length * ChangeRows.SHOWN_PER_KIND
                + 2L * OverviewRows.BREAKDOWN_GROUPS;
        assertTrue(run.rowsGiven <= bound, () -> run.rowsGiven + " rows read for 100,000 endpoints");
        int pages = PdfText.pages(pdf);
        assertTrue(pages < 200, () -> pages + " pages");
        String text = PdfText.of(pdf);
        assertTrue(
                text.contains("98,000 more failing endpoints are not listed here (2,000 of 100,000 shown)"),
                "detail summarised");
        assertTrue(text.contains("endpoints.csv"));
        assertTrue(text.contains("Newly failing: 20,000 endpoints (the first 100 are listed)"), "change lists capped");
        assertTrue(text.contains("Still failing: 80,000 endpoints (the first 100 are listed)"));
        assertTrue(text.contains("host-1999.example.com:443"), "the last listed endpoint ends the list");
        assertFalse(text.contains("host-2000.example.com:443 "), "nothing past the cap in the failing list");
        System.out.printf(
                "100,000 failing endpoints: %d pages in %d ms; heap %d MB before, peak %d MB during%n",
                pages, millis, heapBefore >> 20, peak >> 20);
    }

    private static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** Sum of the heap pools' peaks since the reset: an upper bound on what rendering needed, garbage included. */
    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed())
                .sum();
    }
}
