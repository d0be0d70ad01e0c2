package dev.staplescan.text;

/**
 * The one escaping of text that came from a server or a host list (certificate subjects, host names,
 * finding messages that quote them, rejected lines) before it reaches a file, a terminal or a log:
 * control characters become visible escapes, so nothing a server sends can move a cursor, ring a bell,
 * retitle a terminal, start a new CSV record or log line, or reorder what a reader sees. The exact value
 * stays recoverable with {@link #unescape}.
 *
 * <p>Escaped: the C0 controls U+0000 to U+001F (NUL, BEL, ESC, tab, newline, carriage return...), DEL
 * U+007F and the C1 controls U+0080 to U+009F (U+009B is a one-character CSI on some terminals) as
 * {@code \xhh} ({@code \x1b}); the Unicode line and paragraph separators U+2028 and U+2029, the
 * bidirectional formatting characters (U+061C, U+200E, U+200F, U+202A to U+202E, U+2066 to U+2069: the
 * "Trojan Source" reordering) and unpaired surrogates as <code>&#92;uhhhh</code>. Everything else, including
 * every printable non-ASCII letter, is left as it is.
 *
 * <p>A backslash is doubled only where it would otherwise start an escape: before another backslash,
 * an {@code x}, a {@code u} or an escaped character. So ordinary text with backslashes (RFC 2253
 * names such as {@code CN=Example\, Inc.}, Windows paths) reads as before, and {@link #unescape}
 * still gives back exactly the original: {@code \\} is one backslash, {@code \xhh} and <code>&#92;uhhhh</code>
 * are one character, and any other backslash is itself.
 *
 * <p>Pure and allocation-free for text that needs no escaping (nearly all of it), since every CSV
 * cell goes through here.
 */
public final class Printable {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Printable() {}

    /**
     * One value, on one line: every character above is escaped, newlines and tabs included. For CSV
     * cells, PDF fields, log messages and values quoted inside a message.
     *
     * @return {@code text} itself when nothing needs escaping; {@code null} for {@code null}
     */
    public static String escape(String text) {
        return escape(text, false);
    }

    /**
     * Whole output for a terminal, where staplescan's own line breaks must stay line breaks: like
     * {@link #escape(String)}, but newline, carriage return and tab are kept. Values from servers are
     * escaped with {@link #escape(String)} before they are put into such output.
     */
    public static String escapeKeepingLines(String text) {
        return escape(text, true);
    }

    private static String escape(String text, boolean keepLines) {
        if (text == null) {
            return null;
        }
        int first = firstToChange(text, keepLines);
        if (first < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                out.append(startsEscape(text, i + 1, keepLines) ? "\\\\" : "\\");
            } else if (escaped(text, i, keepLines)) {
                appendEscape(out, c);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The index of the first character that {@link #escape} changes, or -1. */
    private static int firstToChange(String text, boolean keepLines) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' ? startsEscape(text, i + 1, keepLines) : escaped(text, i, keepLines)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether a backslash before index {@code next} would be read as the start of an escape. */
    private static boolean startsEscape(String text, int next, boolean keepLines) {
        if (next >= text.length()) {
            return false;
        }
        char c = text.charAt(next);
        return c == '\\' || c == 'x' || c == 'u' || escaped(text, next, keepLines);
    }

    private static boolean escaped(String text, int i, boolean keepLines) {
        char c = text.charAt(i);
        if (keepLines && (c == '\n' || c == '\r' || c == '\t')) {
            return false;
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(text.charAt(i - 1));
        }
        return isControl(c);
    }

    /** Controls (C0, DEL, C1), line and paragraph separators, bidirectional formatting characters. */
    static boolean isControl(char c) {
        return c < 0x20
                || (c >= 0x7f && c <= 0x9f)
                || c == '\u061c'
                || c == '\u200e'
                || c == '\u200f'
                || c == '\u2028'
                || c == '\u2029'
                || (c >= '\u202a' && c <= '\u202e')
                || (c >= '\u2066' && c <= '\u2069');
    }

    private static void appendEscape(StringBuilder out, char c) {
        if (c <= 0xff) {
            out.append("\\x").append(HEX[c >> 4]).append(HEX[c & 0xf]);
        } else {
            out.append("\\u")
                    .append(HEX[c >> 12])
                    .append(HEX[(c >> 8) & 0xf])
                    .append(HEX[(c >> 4) & 0xf])
                    .append(HEX[c & 0xf]);
        }
    }

    /**
     * The original text of an {@link #escape}d one (either variant): {@code \\} is a backslash,
     * {@code \xhh} and <code>&#92;uhhhh</code> the character with that code, any other backslash itself.
     */
    public static String unescape(String text) {
        if (text == null || text.indexOf('\\') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(i + 1);
                if (next == '\\') {
                    out.append('\\');
                    i += 2;
                    continue;
                }
                int digits = next == 'x' ? 2 : next == 'u' ? 4 : 0;
                int code = digits == 0 ? -1 : hex(text, i + 2, digits);
                if (code >= 0) {
                    out.append((char) code);
                    i += 2 + digits;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    /** The value of {@code digits} hex digits at {@code from}, or -1 when they are not all there. */
    private static int hex(String text, int from, int digits) {
        if (from + digits > text.length()) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < from + digits; i++) {
            int d = Character.digit(text.charAt(i), 16);
            if (d < 0) {
                return -1;
            }
            value = value * 16 + d;
        }
        return value;
    }
}
