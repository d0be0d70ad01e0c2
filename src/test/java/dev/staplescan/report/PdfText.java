package dev.staplescan.report;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.SimpleBookmark;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Text of a PDF for assertions, through OpenPDF's extractor (it comes with jasperreports-pdf), so
 * the tests need no external tool such as pdftotext.
 */
public final class PdfText {

    private PdfText() {}

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

    /** The PDF's bookmarks (outline) as titles, depth first, each indented by two spaces per level below the top. */
    public static List<String> bookmarks(Path pdf) throws IOException {
        PdfReader reader = new PdfReader(pdf.toString());
        try {
            List<String> titles = new ArrayList<>();
            List<Map<String, Object>> outline = SimpleBookmark.getBookmarkList(reader);
            collect(outline, "", titles);
            return titles;
        } finally {
            reader.close();
        }
    }

    @SuppressWarnings("unchecked")
    private static void collect(List<Map<String, Object>> level, String indent, List<String> titles) {
        if (level == null) {
            return;
        }
        for (Map<String, Object> mark : level) {
            titles.add(indent + mark.get("Title"));
            collect((List<Map<String, Object>>) mark.get("Kids"), indent + "  ", titles);
        }
    }
}
