package dev.staplescan.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The figures of one real-server benchmark, computed and printed one way. The labels are stable
 * (the README explains each and NginxBenchmarkIT looks for them); a figure that could not be
 * measured is printed as "n/a", never as zero.
 */
record ServerReport(
        ServerBenchmarkOptions options,
        String nginxVersion,
        int port,
        List<OpensslClients.StimeRate> stimeBefore,
        List<OpensslClients.StimeRate> stimeAfter,
        double cliStartSeconds,
        ScanRun.Figures scan,
        Optional<OpensslClients.Sweep> sweep,
        Optional<ScanRun.Figures> comparedScan,
        boolean comparedIsMain) {

    static final List<String> PHASES = List.of("ingest", "scan", "assess", "report");

    /**
     * The yardstick for a scan that makes one TLS 1.3 and one TLS 1.2 handshake per endpoint: the
     * rate OpenSSL reaches on an equal mix, i.e. the harmonic mean of the per-version rates, each
     * the mean of its measurements before and after the scan.
     */
    double baseline() {
        Map<OpensslClients.Version, Double> perVersion = Stream.concat(stimeBefore.stream(), stimeAfter.stream())
                .collect(Collectors.groupingBy(
                        OpensslClients.StimeRate::version,
                        Collectors.averagingDouble(OpensslClients.StimeRate::total)));
        double secondsPerHandshake =
                perVersion.values().stream().mapToDouble(r -> 1 / r).sum() / perVersion.size();
        return 1 / secondsPerHandshake;
    }

    /** Completed handshakes stored by the run; nginx's accepted connections when the database could not tell. */
    long handshakes(ScanRun.Figures f) {
        return f.handshakes().orElse(f.nginxAccepts());
    }

    double handshakeRate(ScanRun.Figures f) {
        return handshakes(f) / f.wallSeconds();
    }

    /** Both whole-process runs exited 0 and found a valid staple on every endpoint. */
    boolean allHeld() {
        return held(scan, options.endpoints())
                && comparedScan.map(f -> held(f, options.compareSclient())).orElse(true)
                && sweep.map(s -> s.stapled() == s.endpoints()).orElse(true);
    }

    private static boolean held(ScanRun.Figures f, int endpoints) {
        return f.exitCode() == 0 && f.validStaples().orElse(-1) == endpoints;
    }

    void print(PrintStream out) {
        out.println();
        out.printf("== staplescan against a real server: %s on loopback ==%n", nginxVersion);
        out.printf(
                "setup: %,d addresses × %d SNI names on port %d = %,d endpoints; one wildcard ECDSA P-256 "
                        + "certificate, staple from ssl_stapling_file; %d cores, nginx %d workers%n",
                options.addresses(),
                options.names(),
                port,
                options.endpoints(),
                Runtime.getRuntime().availableProcessors(),
                options.workers());
        out.printf(
                "%n(a) openssl s_time -new, %d in parallel, -time %d, before and after (b) (no status_request; "
                        + "rate = connections / each process's wall time)%n",
                ServerBenchmark.STIME_PROCESSES, options.stimeSeconds());
        printStime(out, stimeBefore, "before");
        printStime(out, stimeAfter, "after");
        out.printf(
                "  s_time baseline: %s handshakes/s (equal TLS 1.3 and TLS 1.2 mix, as staplescan asks: "
                        + "harmonic mean of each version's mean)%n",
                num(baseline()));
        out.printf("%n(b) staplescan scan, whole process (JVM start to exit)%n");
        out.printf("  command: %s%n", ScanRun.shown(options, scan.command()));
        printRun(out, scan);
        out.printf("  ratio (b)/(a): %.2f×%n", handshakeRate(scan) / baseline());
        out.printf("  phases: %s%n", phases(scan));
        out.printf(
                "  launcher, JVM and CLI alone (bin/staplescan --version, whole process): %s%n",
                Double.isNaN(cliStartSeconds) ? "n/a" : secs(cliStartSeconds));
        out.printf(
                "  start to first connection accepted by nginx: %s (nginx stub_status, polled every %d ms)%n",
                opt(scan.firstAccept()), AcceptWatch.POLL_MILLIS);
        out.printf(
                "  start to first handshake completed: %s (staplescan's stored timings: endpoint start + "
                        + "connect + handshake)%n",
                opt(scan.firstHandshake()));
        out.printf("  peak RSS: %,d MB (VmHWM of the JVM)%n", scan.peakRssKb() / 1024);
        long endpoints = scan.endpoints().orElse(options.endpoints());
        out.printf(
                "  database: %,d bytes, %,d bytes per endpoint%n",
                scan.databaseBytes(), scan.databaseBytes() / Math.max(1, endpoints));
        if (sweep.isPresent() && comparedScan.isPresent()) {
            OpensslClients.Sweep s = sweep.get();
            ScanRun.Figures c = comparedScan.get();
            double scanRate = c.endpoints().orElse(s.endpoints()) / c.wallSeconds();
            out.printf(
                    "%n(c) %,d endpoints: xargs -P %d openssl s_client -status against staplescan%n",
                    s.endpoints(), options.sclientParallel());
            out.printf("  script: %s%n", s.script());
            out.printf(
                    "  xargs s_client: %s, %s endpoints/s (%,d of %,d stapled)%n",
                    secs(s.seconds()), num(s.endpointsPerSecond()), s.stapled(), s.endpoints());
            if (!comparedIsMain) {
                out.printf("  command: %s%n", ScanRun.shown(options, c.command()));
            }
            out.printf(
                    "  staplescan: %s, %s endpoints/s, whole process%s (%s valid staples, exit %d)%n",
                    secs(c.wallSeconds()),
                    num(scanRate),
                    comparedIsMain ? ", the run of (b)" : "",
                    count(c.validStaples()),
                    c.exitCode());
            out.printf("  ratio staplescan/xargs: %.2f×%n", scanRate / s.endpointsPerSecond());
        }
    }

    private static void printStime(PrintStream out, List<OpensslClients.StimeRate> rates, String when) {
        for (OpensslClients.StimeRate r : rates) {
            out.printf(
                    "  s_time %s %s (b): %s handshakes/s (%s)%n",
                    r.version().label,
                    when,
                    num(r.total()),
                    r.perProcess().stream().map(ServerReport::num).collect(Collectors.joining(" + ")));
        }
    }

    /**
     * The job's phases from Spring Batch's step records, and the time around them: before the job
     * (JVM start, Spring context, schema migrations: command start to the job's creation), between
     * and beside the four phases (the input check, step bookkeeping), after the job (shutdown).
     */
    static String phases(ScanRun.Figures f) {
        Map<String, Double> phases = f.phases();
        String named = PHASES.stream()
                .map(p -> p + " " + (phases.containsKey(p) ? secs(phases.get(p)) : "n/a"))
                .collect(Collectors.joining(", "));
        if (f.beforeJob().isEmpty() || f.job().isEmpty()) {
            return named + "; before and after the job n/a";
        }
        double inPhases =
                phases.values().stream().mapToDouble(Double::doubleValue).sum();
        double before = f.beforeJob().getAsDouble();
        double job = f.job().getAsDouble();
        return named + "; before the job " + secs(before) + " (JVM start, Spring context, schema), other steps "
                + secs(job - inPhases) + ", after the job " + secs(f.wallSeconds() - before - job) + " (shutdown)";
    }

    private void printRun(PrintStream out, ScanRun.Figures f) {
        long endpoints = f.endpoints().orElse(options.endpoints());
        out.printf(
                "  result: exit %d; %s endpoints (%s), %s stapling, %s valid staples%n",
                f.exitCode(),
                count(f.endpoints()),
                f.verdicts().orElse("verdicts n/a"),
                count(f.stapling()),
                count(f.validStaples()));
        out.printf(
                "  findings: %s%n",
                f.findings().map(x -> x.isEmpty() ? "none" : x).orElse("n/a"));
        out.printf("  wall: %s%n", secs(f.wallSeconds()));
        out.printf(
                "  handshakes: %s completed of %s attempts stored (%.2f per endpoint)%s; nginx accepted %,d "
                        + "connections meanwhile%n",
                count(f.handshakes()),
                count(f.attempts()),
                handshakes(f) / (double) Math.max(1, endpoints),
                f.handshakes().isPresent() ? "" : " [database unreadable: nginx's count used]",
                f.nginxAccepts());
        out.printf(
                "  rate: %s handshakes/s, %s endpoints/s%n", num(handshakeRate(f)), num(endpoints / f.wallSeconds()));
    }

    private static String num(double d) {
        return String.format(Locale.ROOT, "%,.1f", d);
    }

    private static String secs(double d) {
        return String.format(Locale.ROOT, "%.2f s", d);
    }

    private static String opt(OptionalDouble d) {
        return d.isPresent() ? secs(d.getAsDouble()) : "n/a";
    }

    private static String count(OptionalLong n) {
        return n.isPresent() ? String.format(Locale.ROOT, "%,d", n.getAsLong()) : "n/a";
    }
}
