package dev.staplescan.jobs;

import dev.staplescan.settings.AuditSettings;
import dev.staplescan.settings.Setting;
import dev.staplescan.settings.SettingException;
import dev.staplescan.settings.Settings;
import dev.staplescan.settings.ValueTypes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads a job definition file ({@code jobs/NAME.yaml}; the format is documented in
 * {@code jobs/README.md}). Only syntax and values are checked here: whether the host lists and the
 * trust bundle exist is checked when the job runs, because a scheduled job's list may be written
 * by another process shortly before.
 */
public final class JobDefinitionParser {

    static final Set<String> TOP = union(
            Set.of("name", "description", "input", "inputs", "schedule", "time-zone", "scan", "output", "retention"),
            new YamlFields("", Map.of(), new ArrayList<>()).settingKeys());
    static final Set<String> RETENTION = Set.of("keep-runs", "keep-days");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]*)}");

    private JobDefinitionParser() {}

    /** Parses and validates one file; every problem found is in the exception. */
    public static JobDefinition parse(Path file) throws DefinitionException {
        Object doc;
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DefinitionException(file, List.of("cannot be read: " + e.getMessage()));
        }
        try {
            // SafeConstructor: plain maps, lists and scalars only, never arbitrary Java objects.
            doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        } catch (MarkedYAMLException e) {
            throw new DefinitionException(file, List.of(yamlProblem(e, text)));
        } catch (YAMLException e) {
            throw new DefinitionException(file, List.of("cannot be read as YAML: " + e.getMessage()));
        }
        if (!(doc instanceof Map<?, ?> map)) {
            throw new DefinitionException(
                    file,
                    List.of("must be a YAML mapping of fields (name:, input:, schedule:, ...)"
                            + (doc == null ? ", but the file is empty" : "")));
        }
        return parse(file, map);
    }

    static JobDefinition parse(Path file, Map<?, ?> map) throws DefinitionException {
        List<String> problems = new ArrayList<>();
        Path dir = file.toAbsolutePath().normalize().getParent();
        YamlFields top = new YamlFields("", map, problems);
        top.onlyKeys(TOP);

        String name = top.string("name").orElse(defaultName(file));
        if (!NAME.matcher(name).matches()) {
            top.problem(
                    "name",
                    "'" + name + "' must be 1 to 100 letters, digits, '.', '_' or '-', starting with a "
                            + "letter or digit"
                            + (top.has("name") ? "" : " (it comes from the file name; set name: to change it)"));
        }
        List<Path> inputs = inputs(top, dir);
        ZoneId zone = zone(top);
        Optional<CronSchedule> schedule = Optional.empty();
        Optional<String> cron = top.string("schedule");
        if (cron.isPresent()) {
            try {
                schedule = Optional.of(CronSchedule.parse(cron.get(), zone));
            } catch (IllegalArgumentException e) {
                top.problem("schedule", "'" + cron.get() + "' " + e.getMessage());
            }
        }
        YamlFields scan = top.section("scan");
        YamlFields out = top.section("output");
        scan.onlyKeys(scan.settingKeys());
        out.onlyKeys(union(Set.of("directory"), out.settingKeys()));
        AuditSettings settings = settings(dir, top, scan, out);
        OutputSpec output = output(out, dir, inputs.size());
        Retention retention = retention(top.section("retention"));
        if (!problems.isEmpty()) {
            throw new DefinitionException(file, problems);
        }
        return new JobDefinition(
                file, name, top.string("description").orElse(""), inputs, settings, output, retention, schedule, zone);
    }

    private static List<Path> inputs(YamlFields top, Path dir) {
        if (top.has("input") && top.has("inputs")) {
            top.problem("inputs", "give either input: (one list) or inputs: (several), not both");
        }
        List<String> given = top.strings(top.has("input") ? "input" : "inputs");
        if (given.isEmpty() && !top.has("input") && !top.has("inputs")) {
            top.problem("input", "is required: the host list to audit (a path, relative to this file's directory)");
        }
        List<Path> inputs =
                given.stream().map(s -> dir.resolve(s).normalize()).distinct().toList();
        if (inputs.size() != given.size()) {
            top.problem("inputs", "names the same host list twice");
        }
        return inputs;
    }

    private static ZoneId zone(YamlFields top) {
        Optional<String> z = top.string("time-zone");
        try {
            return z.map(ZoneId::of).orElse(ZoneId.systemDefault());
        } catch (DateTimeException e) {
            top.problem(
                    "time-zone",
                    "'" + z.get() + "' is not a time zone (allowed: a region such as Europe/Berlin, "
                            + "UTC, or an offset such as +02:00)");
            return ZoneId.systemDefault();
        }
    }

    /**
     * The settings of the definition's fields (top-level {@code policy}, {@code scan.*}, {@code output.*}),
     * each read by its setting's type, as {@code staplescan scan} reads its options.
     */
    private static AuditSettings settings(Path dir, YamlFields... sections) {
        Map<Setting<?>, Object> values = new LinkedHashMap<>();
        for (YamlFields section : sections) {
            section.settings(values);
        }
        // Paths in a definition are relative to its file.
        if (values.get(Settings.TRUST) instanceof Optional<?> trust && trust.isPresent()) {
            values.put(
                    Settings.TRUST, Optional.of(dir.resolve((Path) trust.get()).normalize()));
        }
        if (values.get(Settings.POLICY) instanceof String policy) {
            values.put(Settings.POLICY, policy(policy, dir));
        }
        try {
            return AuditSettings.of(values);
        } catch (SettingException e) { // two settings that do not go together
            sections[0].problem(e.setting().yaml(), e.problem());
            return AuditSettings.defaults();
        }
    }

    private static OutputSpec output(YamlFields o, Path dir, int inputCount) {
        String directory = o.string("directory").orElse("");
        if (directory.isEmpty() && !o.has("directory")) {
            o.problem(
                    "directory",
                    "is required: where the reports go, e.g. reports/nightly/{date} "
                            + "(placeholders: {name}, {input}, {date}, {time}, {run})");
        }
        var m = PLACEHOLDER.matcher(directory);
        while (m.find()) {
            if (!OutputSpec.PLACEHOLDERS.contains(m.group(1))) {
                o.problem(
                        "directory",
                        "unknown placeholder {" + m.group(1) + "} (allowed: {name}, {input}, {date}, "
                                + "{time}, {run})");
            }
        }
        if (inputCount > 1 && !directory.contains("{input}") && !directory.contains("{run}")) {
            o.problem(
                    "directory",
                    "must contain {input} or {run} when there are several inputs, "
                            + "or each run would overwrite the reports of the one before");
        }
        String resolved =
                directory.isEmpty() ? "" : dir.resolve(directory).normalize().toString();
        return new OutputSpec(resolved);
    }

    private static Retention retention(YamlFields r) {
        r.onlyKeys(RETENTION);
        OptionalInt runs = r.has("keep-runs")
                ? OptionalInt.of(r.value("keep-runs", ValueTypes.wholeNumber(1, 1_000_000), 1))
                : OptionalInt.empty();
        OptionalInt days = r.has("keep-days")
                ? OptionalInt.of(r.value("keep-days", ValueTypes.wholeNumber(1, 36_500), 1))
                : OptionalInt.empty();
        return new Retention(runs, days);
    }

    /** A policy that looks like a file (has a path separator or a YAML suffix) is resolved like the other paths. */
    private static String policy(String policy, Path dir) {
        boolean file = policy.contains("/") || policy.endsWith(".yaml") || policy.endsWith(".yml");
        return file ? dir.resolve(policy).normalize().toString() : policy;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }

    static String defaultName(Path file) {
        String n = file.getFileName().toString();
        return n.replaceFirst("\\.(ya?ml)$", "");
    }

    private static String yamlProblem(MarkedYAMLException e, String text) {
        var mark = e.getProblemMark();
        String where = mark == null ? "" : " at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
        // A cron such as */15 * * * * unquoted reads as a YAML alias (*name): the usual mistake here.
        String line = mark == null
                ? ""
                : text.lines().skip(mark.getLine()).findFirst().orElse("");
        String hint = line.matches("\\s*[\\w-]+:\\s*\\*.*")
                ? " (a value starting with '*' must be quoted: schedule: \"*/15 * * * *\")"
                : "";
        return "is not valid YAML" + where + ": " + e.getProblem() + hint;
    }
}
