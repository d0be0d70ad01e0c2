package dev.staplescan.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One whole-process {@code bin/staplescan scan} (the launcher as users run it: its checks, JVM
 * start and whatever fast-start preparation it maps) against the benchmark nginx, and the figures read back from it:
 * wall time, peak RSS, the summary line, handshakes and phase times from its H2 database, the
 * database size, and two measures of command start to first handshake.
 */
final class ScanRun {

    private static final Pattern SUMMARY =
            Pattern.compile("run \\d+: (\\d+) endpoints in [^:]*: ([^;]*); (\\d+) stapling, (\\d+) valid staples");

    /**
     * What one run measured. Figures that could not be read are empty, never zero.
     *
     * @param command           the command line run
     * @param exitCode          staplescan's exit code
     * @param wallSeconds       from just before the process was started to its exit
     * @param peakRssKb         the kernel's high-water mark of resident memory (VmHWM), last seen
     * @param endpoints         endpoints in the run (its summary line)
     * @param stapling          endpoints that stapled (summary line)
     * @param validStaples      endpoints with a valid staple (summary line)
     * @param verdicts          the verdict counts, as the summary line gives them ("5000 PASS, 0 WARN, ...")
     * @param findings          finding codes and how often each was found, from the database ("" for none)
     * @param handshakes        completed handshakes stored (outcome OK)
     * @param attempts          handshake attempts stored
     * @param phases            seconds per job phase, from Spring Batch's step executions
     * @param beforeJob         seconds from command start to the job's creation (JVM, Spring context, schema)
     * @param job               seconds from the job's creation to its end
     * @param databaseBytes     size of the H2 database file after the run
     * @param firstAccept       seconds from command start to the first connection nginx accepted
     * @param firstHandshake    seconds from command start to the end of the first handshake, by stored timings
     * @param nginxAccepts      connections nginx accepted while the command ran
     */
    record Figures(
            List<String> command,
            int exitCode,
            double wallSeconds,
            long peakRssKb,
            OptionalLong endpoints,
            OptionalLong stapling,
            OptionalLong validStaples,
            Optional<String> verdicts,
            Optional<String> findings,
            OptionalLong handshakes,
            OptionalLong attempts,
            Map<String, Double> phases,
            OptionalDouble beforeJob,
            OptionalDouble job,
            long databaseBytes,
            OptionalDouble firstAccept,
            OptionalDouble firstHandshake,
            long nginxAccepts) {}

    private ScanRun() {}

    static Figures run(
            ServerBenchmarkOptions options, String name, Path list, Path trust, InetSocketAddress nginxStatus)
            throws IOException, InterruptedException {
        Path work = options.work().toAbsolutePath();
        Path data = work.resolve("data-" + name);
        Path out = work.resolve("out-" + name);
        Files.createDirectories(work);
        Benchmark.deleteRecursively(data);
        Benchmark.deleteRecursively(out);
        List<String> command = new ArrayList<>();
        command.add(options.launcher().toString());
        command.addAll(Launcher.scan(list, trust, data, out));
        command.addAll(options.scanArgs());
        Path log = work.resolve("scan-" + name + ".log");
        long peak = 0;
        int exit;
        long startNanos;
        Instant startWall;
        double wall;
        AcceptWatch watch = AcceptWatch.start(nginxStatus);
        try (watch) {
            ProcessBuilder builder = launcher(options, command).redirectOutput(log.toFile());
            startWall = Instant.now();
            startNanos = System.nanoTime();
            Process child = builder.start();
            while (!child.waitFor(50, TimeUnit.MILLISECONDS)) {
                peak = Math.max(peak, highWaterKb(child.pid()));
            }
            wall = (System.nanoTime() - startNanos) / 1e9;
            exit = child.exitValue();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Matcher summary = SUMMARY.matcher(output);
        boolean found = summary.find();
        OptionalDouble firstAccept = watch.firstAcceptNanos() < 0
                ? OptionalDouble.empty()
                : OptionalDouble.of((watch.firstAcceptNanos() - startNanos) / 1e9);
        StoredFacts facts = StoredFacts.read(data, startWall);
        return new Figures(
                command,
                exit,
                wall,
                peak,
                found ? OptionalLong.of(Long.parseLong(summary.group(1))) : OptionalLong.empty(),
                found ? OptionalLong.of(Long.parseLong(summary.group(3))) : OptionalLong.empty(),
                found ? OptionalLong.of(Long.parseLong(summary.group(4))) : OptionalLong.empty(),
                found ? Optional.of(summary.group(2)) : Optional.empty(),
                facts.findings(),
                facts.handshakes(),
                facts.attempts(),
                facts.phases(),
                facts.beforeJob(),
                facts.job(),
                databaseBytes(data),
                firstAccept,
                facts.firstHandshake(),
                watch.acceptedSinceStart());
    }

    /**
     * A process for the launcher, with {@code --xmx} passed the way a user would
     * (STAPLESCAN_JAVA_OPTS) and stderr merged into stdout. The launcher execs the JVM, so the
     * process id is the JVM's.
     */
    static ProcessBuilder launcher(ServerBenchmarkOptions options, List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        options.xmx()
                .ifPresent(x ->
                        builder.environment().merge("STAPLESCAN_JAVA_OPTS", "-Xmx" + x, (old, add) -> old + " " + add));
        return builder;
    }

    /** How to repeat a command in a shell: the launcher's environment setting first, when there is one. */
    static String shown(ServerBenchmarkOptions options, List<String> command) {
        return options.xmx().map(x -> "STAPLESCAN_JAVA_OPTS=-Xmx" + x + " ").orElse("") + String.join(" ", command);
    }

    /** Peak resident memory (VmHWM) of a live process, from /proc; 0 when it has just ended. */
    static long highWaterKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // The process ended between two polls: its last reading stands.
        }
        return 0;
    }

    private static long databaseBytes(Path data) throws IOException {
        Path file = data.resolve("staplescan.mv.db");
        return Files.isRegularFile(file) ? Files.size(file) : 0;
    }

    /** What the run's database says; each figure is empty when its query fails (another schema). */
    record StoredFacts(
            OptionalLong handshakes,
            OptionalLong attempts,
            Optional<String> findings,
            Map<String, Double> phases,
            OptionalDouble beforeJob,
            OptionalDouble job,
            OptionalDouble firstHandshake) {

        static StoredFacts read(Path data, Instant commandStart) {
            Map<String, Double> phases = Map.of();
            try {
                phases = Benchmark.phases(data);
            } catch (SQLException e) {
                // No database (the run failed early): phases stay unknown.
            }
            String url = "jdbc:h2:file:" + data.toAbsolutePath().resolve("staplescan") + ";IFEXISTS=TRUE";
            OptionalLong handshakes = OptionalLong.empty();
            OptionalLong attempts = OptionalLong.empty();
            OptionalDouble first = OptionalDouble.empty();
            OptionalDouble beforeJob = OptionalDouble.empty();
            OptionalDouble job = OptionalDouble.empty();
            Optional<String> findings = Optional.empty();
            try (Connection c = DriverManager.getConnection(url, "sa", "");
                    Statement s = c.createStatement()) {
                // Spring Batch's timestamps are local times of the scanning JVM (same machine, same zone).
                try (ResultSet rs = s.executeQuery("SELECT MIN(CREATE_TIME), MAX(END_TIME) FROM BATCH_JOB_EXECUTION")) {
                    if (rs.next() && rs.getObject(1) != null && rs.getObject(2) != null) {
                        Instant created = local(rs.getObject(1, LocalDateTime.class));
                        Instant ended = local(rs.getObject(2, LocalDateTime.class));
                        beforeJob = OptionalDouble.of(seconds(commandStart, created));
                        job = OptionalDouble.of(seconds(created, ended));
                    }
                }
                try (ResultSet rs = s.executeQuery(
                        "SELECT COUNT(*), COUNT(CASE WHEN outcome = 'OK' THEN 1 END) FROM ss_handshake")) {
                    rs.next();
                    attempts = OptionalLong.of(rs.getLong(1));
                    handshakes = OptionalLong.of(rs.getLong(2));
                }
                try (ResultSet rs = s.executeQuery(
                        "SELECT code, COUNT(*) FROM ss_finding GROUP BY code ORDER BY COUNT(*) DESC, code")) {
                    StringJoiner codes = new StringJoiner(", ");
                    while (rs.next()) {
                        codes.add(rs.getString(1) + " × " + rs.getLong(2));
                    }
                    findings = Optional.of(codes.toString());
                }
                // The first attempt of an endpoint starts when its scan starts (an IP literal needs no
                // resolution): started_at + connect + handshake is when that handshake ended.
                try (ResultSet rs = s.executeQuery("SELECT MIN(DATEADD(MILLISECOND, h.connect_ms + h.handshake_ms, "
                        + "o.started_at)) FROM ss_observation o JOIN ss_handshake h ON h.run_id = o.run_id "
                        + "AND h.line = o.line WHERE h.seq = 0 AND h.outcome = 'OK'")) {
                    if (rs.next() && rs.getObject(1) != null) {
                        Instant end = rs.getObject(1, OffsetDateTime.class).toInstant();
                        first = OptionalDouble.of(
                                Duration.between(commandStart, end).toNanos() / 1e9);
                    }
                }
            } catch (SQLException e) {
                // A schema without these tables or columns: those figures are shown as unknown.
            }
            return new StoredFacts(handshakes, attempts, findings, phases, beforeJob, job, first);
        }

        private static Instant local(LocalDateTime t) {
            return t.atZone(ZoneId.systemDefault()).toInstant();
        }

        private static double seconds(Instant from, Instant to) {
            return Duration.between(from, to).toNanos() / 1e9;
        }
    }
}
