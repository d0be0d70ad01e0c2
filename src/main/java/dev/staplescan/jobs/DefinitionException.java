package dev.staplescan.jobs;

import java.nio.file.Path;
import java.util.List;

/**
 * A job definition that cannot be used, with every problem found (not only the first), each naming
 * the field, what is wrong and what is allowed.
 */
public final class DefinitionException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final List<String> problems;

    public DefinitionException(Path file, List<String> problems) {
        super(file + ": " + String.join("; ", problems));
        this.file = file;
        this.problems = List.copyOf(problems);
    }

    public Path file() {
        return file;
    }

    /** Each problem as {@code field: what is wrong (what is allowed)}. */
    public List<String> problems() {
        return problems;
    }

    /** One line per problem, prefixed with the file, for the operator. */
    public String describe() {
        StringBuilder b = new StringBuilder();
        for (String p : problems) {
            b.append(file).append(": ").append(p).append(System.lineSeparator());
        }
        return b.toString();
    }
}
