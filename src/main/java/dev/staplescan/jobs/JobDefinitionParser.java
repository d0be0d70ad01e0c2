package dev.staplescan.jobs;

import dev.staplescan.report.ReportFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
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

    static final Set<String> TOP = Set.of(
            "name", "description", "input", "inputs", "policy", "schedule", "time-zone", "scan", "output", "retention");
    static final Set<String> SCAN = Set.of(
            "partitions",
            "concurrency",
            "connect-timeout",
            "handshake-timeout",
            "endpoint-timeout",
            "handshakes",
            "trust",
            "max-rejected-share");
    static final Set<String> OUTPUT = Set.of("directory", "formats", "csv-bom");
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
        String policy = top.string("policy").map(p -> policy(p, dir)).orElse("default");
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
        ScanSpec scan = scan(top.section("scan"), dir);
        OutputSpec output = output(top.section("output"), dir, inputs.size());
        Retention retention = retention(top.section("retention"));
        if (!problems.isEmpty()) {
            throw new DefinitionException(file, problems);
        }
        return new JobDefinition(
                file,
                name,
                top.string("description").orElse(""),
                inputs,
                policy,
                scan,
                output,
                retention,
                schedule,
                zone);
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

    private static ScanSpec scan(YamlFields s, Path dir) {
        s.onlyKeys(SCAN);
        ScanSpec d = ScanSpec.DEFAULTS;
        int partitions = s.integer("partitions", 1, 256, d.partitions());
        int concurrency = s.integer("concurrency", 1, 100_000, d.concurrency());
        if (concurrency < partitions) {
            s.problem(
                    "concurrency",
                    concurrency + " must be at least scan.partitions (" + partitions
                            + "): each partition keeps at least one handshake in flight");
        }
        return new ScanSpec(
                partitions,
                concurrency,
                s.duration("connect-timeout", d.connectTimeout()),
                s.duration("handshake-timeout", d.handshakeTimeout()),
                s.duration("endpoint-timeout", d.endpointTimeout()),
                s.integer("handshakes", 1, dev.staplescan.scan.ScanOptions.MAX_HANDSHAKES_PER_VERSION, d.handshakes()),
                s.string("trust").map(t -> dir.resolve(t).normalize()),
                s.fraction("max-rejected-share", d.maxRejectedShare()));
    }

    private static OutputSpec output(YamlFields o, Path dir, int inputCount) {
        o.onlyKeys(OUTPUT);
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
        Set<ReportFormat> formats = EnumSet.noneOf(ReportFormat.class);
        for (String f : o.has("formats") ? o.strings("formats") : List.of("pdf", "csv")) {
            try {
                formats.add(ReportFormat.valueOf(f.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                o.problem("formats", "unknown format '" + f + "' (allowed: pdf, csv)");
            }
        }
        if (formats.isEmpty() && o.has("formats") && o.strings("formats").isEmpty()) {
            o.problem("formats", "must name at least one format (allowed: pdf, csv)");
            formats = EnumSet.allOf(ReportFormat.class);
        }
        String resolved =
                directory.isEmpty() ? "" : dir.resolve(directory).normalize().toString();
        return new OutputSpec(resolved, formats, o.bool("csv-bom", false));
    }

    private static Retention retention(YamlFields r) {
        r.onlyKeys(RETENTION);
        OptionalInt runs =
                r.has("keep-runs") ? OptionalInt.of(r.integer("keep-runs", 1, 1_000_000, 1)) : OptionalInt.empty();
        OptionalInt days =
                r.has("keep-days") ? OptionalInt.of(r.integer("keep-days", 1, 36_500, 1)) : OptionalInt.empty();
        return new Retention(runs, days);
    }

    /** A policy that looks like a file (has a path separator or a YAML suffix) is resolved like the other paths. */
    private static String policy(String policy, Path dir) {
        boolean file = policy.contains("/") || policy.endsWith(".yaml") || policy.endsWith(".yml");
        return file ? dir.resolve(policy).normalize().toString() : policy;
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
