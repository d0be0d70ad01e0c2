package dev.staplescan.text;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;

/**
 * A print stream for the terminal that passes all text through {@link Printable#escapeKeepingLines}:
 * staplescan's own line breaks stay, but an ESC, BEL or other control character inside an error
 * message, a path or a table cell is shown as {@code \x1b} instead of being obeyed by the terminal.
 * The commands put it in place of {@code System.out} and {@code System.err} while they run; values
 * from servers are in addition escaped one by one ({@link Printable#escape}) where a line is built.
 *
 * <p>Every text method of {@link PrintStream} ({@code print}, {@code println}, {@code printf},
 * {@code format}, {@code append}) ends in {@link #print(String)} for a subclass, so overriding the
 * {@code print} methods that take text covers them; raw {@code write(byte[])} is passed through.
 */
public final class EscapingPrintStream extends PrintStream {

    public EscapingPrintStream(OutputStream out, Charset charset) {
        super(out, true, charset);
    }

    @Override
    public void print(String s) {
        super.print(Printable.escapeKeepingLines(String.valueOf(s)));
    }

    @Override
    public void print(Object obj) {
        print(String.valueOf(obj));
    }

    @Override
    public void print(char[] s) {
        print(new String(s));
    }

    @Override
    public void print(char c) {
        print(String.valueOf(c));
    }
}
