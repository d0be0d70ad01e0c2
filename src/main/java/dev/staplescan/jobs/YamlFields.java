package dev.staplescan.jobs;

import dev.staplescan.cli.DurationConverter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine.TypeConversionException;

/**
 * Typed reads of one YAML mapping of a job definition. A wrong value is recorded as a problem
 * ({@code section.field: what is wrong}) and reading goes on, so the operator sees every mistake of a
 * file at once; the caller gets a default in its place.
 */
final class YamlFields {

    private final String prefix;
    private final Map<String, Object> values;
    private final List<String> problems;

    YamlFields(String prefix, Map<?, ?> values, List<String> problems) {
        this.prefix = prefix;
        this.values = new LinkedHashMap<>();
        values.forEach((k, v) -> this.values.put(String.valueOf(k), v));
        this.problems = problems;
    }

    /** Reports every key that is not one of {@code allowed} (most likely a typo). */
    void onlyKeys(Set<String> allowed) {
        for (String key : values.keySet()) {
            if (!allowed.contains(key)) {
                problem(key, "unknown field (allowed here: " + String.join(", ", new TreeSet<>(allowed)) + ")");
            }
        }
    }

    boolean has(String key) {
        return values.get(key) != null;
    }

    Object raw(String key) {
        return values.get(key);
    }

    Optional<String> string(String key) {
        Object v = values.get(key);
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof Map || v instanceof List) {
            problem(key, "must be a single value, not a " + (v instanceof Map ? "mapping" : "list"));
            return Optional.empty();
        }
        String s = String.valueOf(v).strip();
        if (s.isEmpty()) {
            problem(key, "must not be empty");
            return Optional.empty();
        }
        return Optional.of(s);
    }

    int integer(String key, int min, int max, int fallback) {
        Object v = values.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Integer i && i >= min && i <= max) {
            return i;
        }
        problem(key, "must be a whole number from " + min + " to " + max + ", not '" + v + "'");
        return fallback;
    }

    double fraction(String key, double fallback) {
        Object v = values.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Number n && n.doubleValue() >= 0 && n.doubleValue() <= 1) {
            return n.doubleValue();
        }
        problem(key, "must be a number from 0 to 1 (a share, e.g. 0.2), not '" + v + "'");
        return fallback;
    }

    boolean bool(String key, boolean fallback) {
        Object v = values.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        problem(key, "must be true or false, not '" + v + "'");
        return fallback;
    }

    Duration duration(String key, Duration fallback) {
        Object v = values.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            // one duration grammar for command-line options and definitions
            return new DurationConverter().convert(String.valueOf(v));
        } catch (TypeConversionException e) {
            problem(key, "must be a duration such as 500ms, 10s, 2m, 1h or PT10S, not '" + v + "'");
            return fallback;
        }
    }

    /** A sub-mapping ({@code scan:}, {@code output:}, ...); empty when absent or not a mapping. */
    YamlFields section(String key) {
        Object v = values.get(key);
        if (v != null && !(v instanceof Map)) {
            problem(key, "must be a mapping of fields (indented 'field: value' lines), not '" + v + "'");
        }
        return new YamlFields(path(key) + ".", v instanceof Map<?, ?> m ? m : Map.of(), problems);
    }

    /** A list of strings; a single value is taken as a list of one. */
    List<String> strings(String key) {
        Object v = values.get(key);
        List<String> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        for (Object item : v instanceof List<?> l ? l : List.of(v)) {
            if (item == null
                    || item instanceof Map
                    || item instanceof List
                    || String.valueOf(item).isBlank()) {
                problem(key, "must hold plain values, not '" + item + "'");
            } else {
                out.add(String.valueOf(item).strip());
            }
        }
        return out;
    }

    void problem(String key, String message) {
        problems.add(path(key) + ": " + message);
    }

    private String path(String key) {
        return prefix + key;
    }
}
