package dev.staplescan.report;

import dev.staplescan.text.Printable;

/**
 * Protection of text cells against control characters and spreadsheet formula injection (CSV
 * injection).
 *
 * <p>First, control characters (ESC, BEL, NUL, newlines, tabs, bidirectional overrides...) are escaped
 * by {@link Printable#escape} ({@code \x1b}), so a certificate subject or a rejected line cannot drive
 * the terminal of whoever {@code cat}s the file or split a record; the exact value stays recoverable.
 *
 * <p>The rule, following OWASP's CSV-injection guidance: a cell whose text starts with
 * {@code =}, {@code +}, {@code -}, {@code @}, a tab (U+0009) or a carriage return (U+000D) gets a
 * leading apostrophe {@code '}. Excel and LibreOffice then show the cell as text instead of
 * evaluating it as a formula, and a reader still sees the original value after the apostrophe.
 * Every other text is left exactly as it is.
 *
 * <p>Applied to every text cell whose content came from the host list or from a server (host,
 * SNI, owner, environment, tags, certificate subject and issuer, finding messages, rejected
 * lines...). Numbers that staplescan itself produces (port, days left, line numbers) are written
 * as they are: a negative number of days left must stay a number.
 *
 * <p>The apostrophe is visible to scripts that read the CSV file directly; they can strip one
 * leading {@code '} when the next character is one of the characters above.
 */
public final class SpreadsheetSafe {

    private SpreadsheetSafe() {}

    /**
     * The text as it should appear in a spreadsheet cell.
     *
     * @param text a cell's text; {@code null} for an unknown value
     * @return {@code text} with control characters escaped, and a leading {@code '} when it starts with
     *         a formula trigger; {@code ""} for {@code null}
     */
    public static String text(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String printable = Printable.escape(text);
        return isFormulaTrigger(printable.charAt(0)) ? "'" + printable : printable;
    }

    /** True for the characters that make Excel or LibreOffice treat a cell as a formula. */
    static boolean isFormulaTrigger(char first) {
        return switch (first) {
            case '=', '+', '-', '@', '\t', '\r' -> true;
            default -> false;
        };
    }
}
