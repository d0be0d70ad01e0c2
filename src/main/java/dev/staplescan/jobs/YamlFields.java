package dev.staplescan.jobs;

import dev.staplescan.settings.Setting;
import dev.staplescan.settings.SettingException;
import dev.staplescan.settings.Settings;
import dev.staplescan.settings.ValueType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

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

    /** A value read by {@code type}; {@code fallback} when absent or wrong (then a problem is recorded). */
    <T> T value(String key, ValueType<T> type, T fallback) {
        Optional<String> text = text(key);
        try {
            return text.isPresent() ? type.parse(text.get()) : fallback;
        } catch (ValueType.BadValueException e) {
            problem(key, e.getMessage());
            return fallback;
        }
    }

    /** The keys of this section that are settings ({@link Setting#yaml()}). */
    Set<String> settingKeys() {
        Set<String> keys = new TreeSet<>();
        Settings.ALL.forEach(s -> leaf(s).ifPresent(keys::add));
        return keys;
    }

    /**
     * Reads the settings whose field is in this section into {@code values}, each by its setting's own
     * type (as on the command line); a wrong value is recorded as a problem.
     */
    void settings(Map<Setting<?>, Object> values) {
        for (Setting<?> s : Settings.ALL) {
            leaf(s).flatMap(this::text).ifPresent(text -> {
                try {
                    values.put(s, s.parse(text));
                } catch (SettingException e) {
                    problem(leaf(s).orElseThrow(), e.problem());
                }
            });
        }
    }

    /** The field of a setting in this section: {@code scan.partitions} is {@code partitions} in {@code scan.}. */
    private Optional<String> leaf(Setting<?> s) {
        String field = s.yaml();
        if (field == null || !field.startsWith(prefix) || field.indexOf('.', prefix.length()) >= 0) {
            return Optional.empty();
        }
        return Optional.of(field.substring(prefix.length()));
    }

    /** A scalar as text (a list as its items, comma separated), as a command-line value would be. */
    private Optional<String> text(String key) {
        Object v = values.get(key);
        if (v instanceof List<?> l && l.stream().allMatch(i -> i != null && !(i instanceof Map || i instanceof List))) {
            return Optional.of(String.join(",", l.stream().map(String::valueOf).toList()));
        }
        if (v instanceof Map || v instanceof List) {
            problem(key, "must be a single value, not a " + (v instanceof Map ? "mapping" : "list"));
            return Optional.empty();
        }
        return Optional.ofNullable(v).map(String::valueOf);
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
