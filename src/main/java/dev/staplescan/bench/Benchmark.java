package dev.staplescan.bench;

import dev.staplescan.lab.Fleet;
import dev.staplescan.lab.FleetEndpoint;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The benchmark of SPEC §10: scans host lists of growing length against the lab fleet and prints,
 * per length, the wall time, the time of each job phase, the scan rate and the peak memory of the
 * scanning process. Each scan runs the real CLI in a child JVM (so its memory is measured alone);
 * the fleet runs in this one. Every line of a list is a distinct endpoint (its own SNI name under
 * the fleet's wildcard certificate), so a few hundred servers can stand for a million hosts.
 *
 * <p>The database's size per endpoint is measured too: the H2 file as the scan left it, divided by the
 * list's length. {@code --own-certificates} gives each server a certificate of its own, to measure
 * storage when nothing is shared.
 *
 * <p>Usage: {@code bin/benchmark [--sizes 1000,10000] [--servers N] [--own-certificates] [--delay DURATION]
 * [--partitions N] [--concurrency N] [--xmx SIZE] [--work DIR]}. With {@code --server nginx} the benchmark
 * runs against a real nginx instead ({@link ServerBenchmark}).
 */
public final class Benchmark {

    /** One measured scan; {@code dbBytes} is the H2 file's size once the scanning process has closed it. */
    record Row(long lines, double wallSeconds, Map<String, Double> phases, long peakRssKb, long dbBytes, int exitCode) {

        double scanRate() {
            Double scan = phases.get("scan");
            return scan == null || scan == 0 ? 0 : lines / scan;
        }

        /** Database bytes per endpoint (every line of a benchmark list is an endpoint). */
        double dbBytesPerEndpoint() {
            return (double) dbBytes / lines;
        }
    }

    private final BenchmarkOptions options;
    private final PrintStream out;

    Benchmark(BenchmarkOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        if (Arrays.asList(args).contains("--server")) {
            System.exit(ServerBenchmark.main(args, System.out, System.err));
            return;
        }
        BenchmarkOptions options;
        try {
            options = BenchmarkOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("benchmark: " + e.getMessage());
            System.err.println(BenchmarkOptions.USAGE);
            System.exit(2);
            return;
        }
        System.exit(new Benchmark(options, System.out).run());
    }

    int run() throws Exception {
        Files.createDirectories(options.work());
        out.printf(
                "starting the lab: %d servers, %s, %s added delay per handshake%n",
                options.servers(),
                options.ownCertificates() ? "each with a certificate of its own" : "one shared certificate",
                options.delay());
        List<Row> rows = new ArrayList<>();
        try (Fleet fleet = Fleet.start(List.of(), options.servers(), options.delay(), options.ownCertificates())) {
            Path trust = fleet.writeTrustBundle(options.work().resolve("lab-ca.pem"));
            for (long size : options.sizes()) {
                Path list = writeList(fleet.endpoints(), size, options.work().resolve("hosts-" + size + ".csv"));
                Row row = measure(size, list, trust);
                rows.add(row);
                out.println(String.format("  %,d lines: %.1f s, exit %d", size, row.wallSeconds(), row.exitCode()));
            }
        }
        printTable(rows);
        return rows.stream().allMatch(r -> r.exitCode() == 0) ? 0 : 1;
    }

    /** Line i goes to server i mod servers, with its own SNI name under that server's wildcard certificate. */
    static Path writeList(List<FleetEndpoint> servers, long size, Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("host,port,sni,owner,environment\n");
            for (long i = 0; i < size; i++) {
                FleetEndpoint e = servers.get((int) (i % servers.size()));
                w.write(e.address() + "," + e.port() + ",e" + i + "." + e.sni() + ",team" + (i % 20) + ",bench\n");
            }
        }
        return file;
    }

    private Row measure(long size, Path list, Path trust) throws Exception {
        Path data = options.work().resolve("data-" + size);
        Path outDir = options.work().resolve("out-" + size);
        deleteRecursively(data);
        List<String> command = new ArrayList<>(Launcher.command(
                options.jar(),
                Optional.of(options.xmx()),
                Stream.concat(
                                Launcher.scan(list, trust, data, outDir).stream(),
                                Stream.of(
                                        "--partitions",
                                        "" + options.partitions(),
                                        "--concurrency",
                                        "" + options.concurrency()))
                        .toList()));
        long start = System.nanoTime();
        Process child = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(options.work().resolve("scan-" + size + ".log").toFile())
                .start();
        long peak = 0;
        while (!child.waitFor(100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
            peak = Math.max(peak, rssKb(child.pid()));
        }
        double wall = (System.nanoTime() - start) / 1e9;
        long dbBytes = Files.size(data.resolve("staplescan.mv.db")); // before phases() opens it again
        return new Row(size, wall, phases(data), peak, dbBytes, child.exitValue());
    }

    /** Resident memory of a process from /proc (Linux); 0 where unavailable. */
    static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", "" + pid, "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // The process just ended, or this is not Linux: no sample this time.
        }
        return 0;
    }

    /** Seconds per job phase, from Spring Batch's own step records. */
    static Map<String, Double> phases(Path data) throws SQLException {
        Map<String, Double> phases = new LinkedHashMap<>();
        String url = "jdbc:h2:file:" + data.toAbsolutePath().resolve("staplescan") + ";IFEXISTS=TRUE";
        try (Connection c = DriverManager.getConnection(url, "sa", "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT STEP_NAME, DATEDIFF('MILLISECOND', START_TIME, END_TIME) "
                        + "FROM BATCH_STEP_EXECUTION WHERE STEP_NAME IN ('ingest', 'scan', 'assess', 'report') "
                        + "ORDER BY STEP_EXECUTION_ID")) {
            while (rs.next()) {
                phases.merge(rs.getString(1), rs.getLong(2) / 1000.0, Double::sum);
            }
        }
        return phases;
    }

    private void printTable(List<Row> rows) {
        out.println();
        out.printf(
                "%12s %9s %9s %9s %9s %9s %12s %11s %9s %9s%n",
                "lines",
                "wall s",
                "ingest s",
                "scan s",
                "assess s",
                "report s",
                "scan ep/s",
                "peak RSS MB",
                "db MB",
                "db B/ep");
        for (Row r : rows) {
            out.printf(
                    "%,12d %9.1f %9.1f %9.1f %9.1f %9.1f %,12.0f %,11d %9.1f %,9.0f%n",
                    r.lines(),
                    r.wallSeconds(),
                    r.phases().getOrDefault("ingest", 0.0),
                    r.phases().getOrDefault("scan", 0.0),
                    r.phases().getOrDefault("assess", 0.0),
                    r.phases().getOrDefault("report", 0.0),
                    r.scanRate(),
                    r.peakRssKb() / 1024,
                    r.dbBytes() / 1e6,
                    r.dbBytesPerEndpoint());
        }
        out.printf(
                "%nservers %d (%s), delay %s, partitions %d, concurrency %d, -Xmx%s, %d cores%n",
                options.servers(),
                options.ownCertificates() ? "a certificate each" : "one shared certificate",
                options.delay(),
                options.partitions(),
                options.concurrency(),
                options.xmx(),
                Runtime.getRuntime().availableProcessors());
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
