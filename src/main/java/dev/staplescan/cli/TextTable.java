package dev.staplescan.cli;

import dev.staplescan.text.Printable;
import java.io.PrintStream;
import java.util.List;

/**
 * A fixed-width table for the terminal ({@code runs}, {@code trend}): one {@link java.util.Formatter}
 * pattern lays out the header and every row alike, so columns cannot drift apart.
 *
 * @param pattern one {@code %s} per column with its width, ending in {@code %n}
 * @param headers the column headings, in order
 */
record TextTable(String pattern, List<String> headers) {

    TextTable(String pattern, String... headers) {
        this(pattern, List.of(headers));
    }

    void printHeader(PrintStream out) {
        out.printf(pattern, headers.toArray());
    }

    void printRow(PrintStream out, Object... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException(headers.size() + " columns, " + cells.length + " cells given");
        }
        Object[] shown = new Object[cells.length];
        for (int i = 0; i < cells.length; i++) {
            // A job name or a path may hold a line break or ESC: one cell stays one cell (Printable).
            shown[i] = cells[i] instanceof String text ? Printable.escape(text) : cells[i];
        }
        out.printf(pattern, shown);
    }
}
