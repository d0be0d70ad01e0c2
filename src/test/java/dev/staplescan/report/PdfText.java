package dev.staplescan.report;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Text of a PDF for assertions, through OpenPDF's extractor (it comes with jasperreports-pdf), so
 * the tests need no external tool such as pdftotext.
 */
public final class PdfText {

    private PdfText() {
    }

    /** Number of pages. */
    public static int pages(Path pdf) throws IOException {
        PdfReader reader = new PdfReader(pdf.toString());
        try {
            return reader.getNumberOfPages();
        } finally {
            reader.close();
        }
    }

    /** All pages' text, pages separated by a form feed, whitespace runs collapsed to one space. */
    public static String of(Path pdf) throws IOException {
        return lastPages(pdf, Integer.MAX_VALUE);
    }

    /** The text of the last {@code count} pages, as {@link #of(Path)}. */
    public static String lastPages(Path pdf, int count) throws IOException {
        PdfReader reader = new PdfReader(pdf.toString());
        try {
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            StringBuilder text = new StringBuilder();
            int pages = reader.getNumberOfPages();
            for (int page = Math.max(1, pages - count + 1); page <= pages; page++) {
                text.append(extractor.getTextFromPage(page)).append('\f');
            }
            return text.toString().replaceAll("[ \\t\\r\\n]+", " ");
        } finally {
            reader.close();
        }
    }
}
