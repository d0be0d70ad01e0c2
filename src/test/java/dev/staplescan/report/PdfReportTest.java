package dev.staplescan.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PdfReportTest {

    @TempDir
    Path dir;

    @Test
    void rendersAReadablePdfWithEverySection() throws IOException {
        Path pdf = dir.resolve("report.pdf");

        new PdfReport().render(RunFixture.standard(), pdf);

        preview(pdf, "fixture.pdf");
        byte[] head = Arrays.copyOf(Files.readAllBytes(pdf), 5);
        assertArrayEquals("%PDF-".getBytes(StandardCharsets.US_ASCII), head);
        String text = PdfText.of(pdf);
        for (String expected : new String[] {
            "OCSP stapling compliance report", "Run", "Headline figures", "Verdicts", "Findings by severity",
            "Failing endpoints", "Input rejections", "Glossary",
            "sample-inputs/fleet.csv", "2026-11-22 10:15:30 UTC", "12 min 34 s", "COMPLETED",
            "odd,host.example.com:8443", "gone.example.com:443", "Owner: " + RunFixture.HYPERLINK_OWNER,
            "MUST_STAPLE_VIOLATION", "nextUpdate 2026-11-20T00:00:00Z is 2 days in the past",
            "bad host!:443", "Staple expired", "The staple's nextUpdate has passed",
        }) {
            assertTrue(text.contains(expected), () -> "missing \"" + expected + "\" in:\n" + text);
        }
        assertFalse(text.contains("good.example.com:443"), "a PASS endpoint is not in the failing section");
        assertTrue(text.contains("Page 1 of " + PdfText.pages(pdf)), text);
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
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
    }

    @Test
    void fiftyThousandFailuresStayWithinTheRowCap() throws IOException {
        ManyFailuresRun run = new ManyFailuresRun(50_000);
        Path pdf = dir.resolve("report.pdf");

        long start = System.nanoTime();
        new PdfReport().render(run, pdf);
        long millis = (System.nanoTime() - start) / 1_000_000;

        preview(pdf, "fifty-thousand.pdf");
        assertEquals(PdfReport.DEFAULT_FAILING_ENDPOINT_CAP, run.largestLimitAsked, "asks for the cap, not for every row");
        int pages = PdfText.pages(pdf);
        assertTrue(pages < 200, () -> pages + " pages");
        String end = PdfText.lastPages(pdf, 2);
        assertTrue(end.contains("48,000 more failing endpoints are not listed here (2,000 of 50,000 shown)"), end);
        assertTrue(end.contains("endpoints.csv"), end);
        assertTrue(end.contains("host-1999.example.com:443"), "the last listed endpoint ends the list");
        assertFalse(PdfText.of(pdf).contains("host-2000.example.com"), "nothing past the cap");
        System.out.printf("50,000 failing endpoints: %d pages in %d ms%n", pages, millis);
    }
}
