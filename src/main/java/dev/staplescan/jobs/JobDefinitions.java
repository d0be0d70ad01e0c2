package dev.staplescan.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Loads the definitions of a file or a directory ({@code jobs/*.yaml} and {@code *.yml}, sorted by name). */
public final class JobDefinitions {

    private JobDefinitions() {}

    /** The definition files in {@code path}: the file itself, or the YAML files directly in the directory. */
    public static List<Path> files(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        try (Stream<Path> s = Files.list(path)) {
            return s.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml") && Files.isRegularFile(p))
                    .sorted()
                    .toList();
        }
    }

    /**
     * Parses every file; all problems of all files are collected, and two files with the same job
     * name are refused (their runs, locks and retention would mix).
     */
    public static List<JobDefinition> load(Path path) throws DefinitionsException, IOException {
        List<JobDefinition> defs = new ArrayList<>();
        List<DefinitionException> problems = new ArrayList<>();
        Map<String, Path> names = new HashMap<>();
        for (Path file : files(path)) {
            try {
                JobDefinition d = JobDefinitionParser.parse(file);
                Path other = names.putIfAbsent(d.name(), file);
                if (other != null) {
                    problems.add(new DefinitionException(
                            file,
                            List.of("name: '" + d.name() + "' is also the name of " + other
                                    + " (each job needs its own name)")));
                } else {
                    defs.add(d);
                }
            } catch (DefinitionException e) {
                problems.add(e);
            }
        }
        if (!problems.isEmpty()) {
            throw new DefinitionsException(problems);
        }
        return defs;
    }

    /** One or more definition files cannot be used. */
    public static final class DefinitionsException extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient List<DefinitionException> each;

        DefinitionsException(List<DefinitionException> each) {
            super(each.size() + " job definition file(s) cannot be used");
            this.each = List.copyOf(each);
        }

        /** Every problem, one line each, prefixed with its file. */
        public String describe() {
            StringBuilder b = new StringBuilder();
            each.forEach(e -> b.append(e.describe()));
            return b.toString();
        }
    }
}
