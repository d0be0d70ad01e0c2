package dev.staplescan.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The real-server benchmark (issue 9, item 5): staplescan against a real nginx on loopback,
 * compared in the same run with what OpenSSL's own clients get from that nginx. It starts the lab
 * OCSP responder and an nginx with A addresses and S SNI names per address under one stapled
 * wildcard certificate, checks that a staple comes back, then measures (a) three parallel
 * {@code openssl s_time -new} per TLS version, (b) one whole-process {@code staplescan scan} of the
 * A×S list, and (c) optionally {@code xargs -P 64 openssl s_client -status} against staplescan on
 * the first N endpoints, and prints {@link ServerReport}.
 *
 * <p>Exit codes: 0 measured, and staplescan found a valid staple on every endpoint; 1 something
 * ran but did not hold (a staple missing, staplescan failed); 2 could not run (no nginx, no
 * openssl, bad options).
 */
record ServerBenchmark(ServerBenchmarkOptions options, PrintStream out, PrintStream err) {

    /** Parallel s_time processes: the yardstick issue 9 names. */
    static final int STIME_PROCESSES = 3;

    /** The file that marks a work directory as the benchmark's own, which a later run may empty. */
    static final String MARKER = ".staplescan-benchmark";

    static int main(String[] args, PrintStream out, PrintStream err) throws Exception {
        ServerBenchmarkOptions options;
        try {
            options = ServerBenchmarkOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("benchmark: " + e.getMessage());
            err.println(ServerBenchmarkOptions.USAGE);
            return 2;
        }
        Optional<Path> nginx = Nginx.find(options.nginx());
        if (nginx.isEmpty()) {
            err.println("benchmark: --server nginx needs nginx, and "
                    + options.nginx()
                            .map(p -> p + " is not an executable.")
                            .orElse("none was found in PATH, /usr/sbin or /usr/local/nginx/sbin."));
            err.println("Install it, e.g. on Debian or Ubuntu: sudo apt-get install nginx "
                    + "(the benchmark starts its own nginx on loopback; the system service need not run), "
                    + "or give its path with --nginx PATH.");
            return 2;
        }
        if (Commands.which("openssl", List.of()).isEmpty()) {
            err.println("benchmark: --server nginx needs the openssl command (apt-get install openssl).");
            return 2;
        }
        if (!Files.isExecutable(options.launcher())) {
            err.println("benchmark: no staplescan launcher at " + options.launcher()
                    + " (run from the project directory, or give --launcher PATH).");
            return 2;
        }
        return new ServerBenchmark(options, out, err).run(nginx.get());
    }

    int run(Path nginxBinary) throws Exception {
        Path work = options.work().toAbsolutePath();
        if (!emptyWorkDirectory(work)) {
            err.println("benchmark: " + work + " is not empty and was not made by the benchmark (no " + MARKER
                    + "): give another --work directory.");
            return 2;
        }
        Commands commands = new Commands(work.resolve("logs"));
        out.printf("building the benchmark PKI and starting the lab OCSP responder%n");
        try (BenchPki pki = BenchPki.create(work.resolve("pki"), commands)) {
            out.printf("starting %s: %,d addresses, %d workers%n", nginxBinary, options.addresses(), options.workers());
            Nginx nginx = Nginx.start(
                    nginxBinary, work.resolve("nginx"), options.addresses(), options.workers(), pki, commands);
            // Ctrl-C must not leave nginx running.
            Thread stopOnExit = new Thread(nginx::close);
            Runtime.getRuntime().addShutdownHook(stopOnExit);
            try (nginx) {
                return measure(nginx, pki, commands, work);
            } finally {
                Runtime.getRuntime().removeShutdownHook(stopOnExit);
            }
        }
    }

    private int measure(Nginx nginx, BenchPki pki, Commands commands, Path work) throws Exception {
        OpensslClients openssl = new OpensslClients(commands);
        List<InetSocketAddress> servers = new ArrayList<>();
        for (InetAddress a : nginx.addresses()) {
            servers.add(new InetSocketAddress(a, nginx.port()));
        }
        String firstName = sni(0);
        boolean staple13 = openssl.staples(servers.get(0), firstName, OpensslClients.Version.TLS13);
        boolean staple12 = openssl.staples(servers.get(0), firstName, OpensslClients.Version.TLS12);
        out.printf(
                "openssl s_client -status: TLS 1.3 %s, TLS 1.2 %s%n",
                staple13 ? "good staple" : "NO STAPLE", staple12 ? "good staple" : "NO STAPLE");
        if (!staple13 || !staple12) {
            err.println(
                    "benchmark: nginx does not staple; see " + nginx.prefix().resolve("logs/error.log") + " and "
                            + work.resolve("logs") + " (openssl s_client output)");
            return 1;
        }
        Path list = writeCsv(work.resolve("hosts-" + options.endpoints() + ".csv"), servers, options.endpoints());
        // s_time runs before and after staplescan: on a shared machine, the load can change in between.
        List<OpensslClients.StimeRate> before = stime(openssl, servers, "before");
        // The floor under "before the job": the launcher and a JVM that starts the CLI and exits
        // without Spring. Timed on a second call: the first lets the launcher build or prepare what it
        // does once (the jar when sources changed, a fast-start archive), which no measured run pays.
        List<String> version = List.of(options.launcher().toString(), "--version");
        Commands.Result prepared = commands.run(version, Duration.ofMinutes(30));
        Commands.Result cli = commands.run(version, Duration.ofMinutes(2));
        double cliStart = prepared.exitCode() == 0 && cli.exitCode() == 0 ? cli.seconds() : Double.NaN;
        out.printf("(b) staplescan scan of %,d endpoints%n", options.endpoints());
        ScanRun.Figures main =
                ScanRun.run(options, Integer.toString(options.endpoints()), list, pki.caPem(), nginx.status());
        List<OpensslClients.StimeRate> after = stime(openssl, servers, "after");
        Optional<OpensslClients.Sweep> sweep = Optional.empty();
        Optional<ScanRun.Figures> compared = Optional.empty();
        int n = options.compareSclient();
        if (n > 0) {
            Path sclientList = writeSclientList(work.resolve("sclient-" + n + ".txt"), servers, n);
            out.printf("(c) xargs -P %d openssl s_client -status over %,d endpoints%n", options.sclientParallel(), n);
            sweep = Optional.of(openssl.sclientSweep(sclientList, n, options.sclientParallel()));
            if (n == options.endpoints()) {
                compared = Optional.of(main); // the same list, already scanned whole-process in (b)
            } else {
                out.printf("(c) staplescan scan of the same %,d endpoints%n", n);
                Path small = writeCsv(work.resolve("hosts-" + n + ".csv"), servers, n);
                compared = Optional.of(ScanRun.run(options, Integer.toString(n), small, pki.caPem(), nginx.status()));
            }
        }
        ServerReport report = new ServerReport(
                options,
                nginx.version(),
                nginx.port(),
                before,
                after,
                cliStart,
                main,
                sweep,
                compared,
                n == options.endpoints());
        report.print(out);
        // Also kept with the logs it came from, for the README or an issue note.
        try (PrintStream file = new PrintStream(work.resolve("report.txt").toFile(), StandardCharsets.UTF_8)) {
            report.print(file);
        }
        out.printf("%nreport also in %s%n", work.resolve("report.txt"));
        return report.allHeld() ? 0 : 1;
    }

    /**
     * Empties the work directory of an earlier run (one holding {@link #MARKER}) or creates it, and
     * marks it. A directory with other content is left alone: {@code --work ~} must not delete a home.
     */
    private static boolean emptyWorkDirectory(Path work) throws IOException {
        if (Files.isDirectory(work)) {
            boolean empty;
            try (var entries = Files.list(work)) {
                empty = entries.findAny().isEmpty();
            }
            if (!empty && !Files.exists(work.resolve(MARKER))) {
                return false;
            }
            Benchmark.deleteRecursively(work);
        }
        Files.createDirectories(work);
        Files.writeString(
                work.resolve(MARKER), "bin/benchmark --server nginx work directory; emptied by the next run\n");
        return true;
    }

    /** Three parallel s_time per TLS version, each process against another address. */
    private List<OpensslClients.StimeRate> stime(OpensslClients openssl, List<InetSocketAddress> servers, String when)
            throws IOException, InterruptedException {
        List<OpensslClients.StimeRate> rates = new ArrayList<>();
        int next = when.equals("before") ? 0 : 2 * STIME_PROCESSES;
        for (OpensslClients.Version v : OpensslClients.Version.values()) {
            List<InetSocketAddress> targets = new ArrayList<>();
            for (int i = 0; i < STIME_PROCESSES; i++) {
                targets.add(servers.get(next++ % servers.size()));
            }
            out.printf(
                    "(a) %d × openssl s_time -new %s for %d s, %s (b)%n",
                    STIME_PROCESSES, v.label, options.stimeSeconds(), when);
            rates.add(openssl.stime(targets, options.stimeSeconds(), v));
        }
        return rates;
    }

    /**
     * The host list: line i is address i mod A with name i div A, so consecutive lines (and every
     * scan partition) spread over the addresses, and the first N lines of a list are a list of N.
     */
    private Path writeCsv(Path file, List<InetSocketAddress> servers, int lines) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("host,port,sni,owner,environment\n");
            for (int i = 0; i < lines; i++) {
                InetSocketAddress s = servers.get(i % servers.size());
                w.write(s.getAddress().getHostAddress() + "," + s.getPort() + "," + sni(i / servers.size()) + ",team"
                        + (i % 20) + ",bench\n");
            }
        }
        return file;
    }

    /** The same first {@code lines} endpoints as "address:port sni", for the xargs script. */
    private Path writeSclientList(Path file, List<InetSocketAddress> servers, int lines) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < lines; i++) {
                InetSocketAddress s = servers.get(i % servers.size());
                w.write(s.getAddress().getHostAddress() + ":" + s.getPort() + " " + sni(i / servers.size()) + "\n");
            }
        }
        return file;
    }

    private static String sni(int name) {
        return "n" + name + "." + BenchPki.DOMAIN;
    }
}
