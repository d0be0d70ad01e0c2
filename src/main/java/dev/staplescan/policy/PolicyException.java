package dev.staplescan.policy;

/**
 * A policy that cannot be used, with a message an operator can act on: it names the file (or
 * built-in), the line and key when there is one, what was wrong and what is allowed. The CLI prints
 * the message as is and exits 2; it never shows a stack trace for this.
 */
public final class PolicyException extends IllegalArgumentException {

    private final String source;
    private final int line;

    /**
     * @param source the file or built-in the problem is in
     * @param line   1-based line number, or 0 when the problem is not on one line
     * @param detail what is wrong and what is allowed
     */
    public PolicyException(String source, int line, String detail) {
        super("policy " + source + (line > 0 ? ", line " + line : "") + ": " + detail);
        this.source = source;
        this.line = line;
    }

    /** The file or built-in the problem is in. */
    public String source() {
        return source;
    }

    /** 1-based line number of the problem, 0 when it is not about one line. */
    public int line() {
        return line;
    }
}
