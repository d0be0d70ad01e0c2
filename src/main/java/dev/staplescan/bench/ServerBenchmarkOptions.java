package dev.staplescan.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The options of the real-server mode ({@code bin/benchmark --server nginx}).
 *
 * @param addresses      loopback addresses nginx listens on (one port on each)
 * @param names          SNI names per address; the host list has {@code addresses × names} lines
 * @param endpoints      lines of the host list: at most {@code addresses × names}, the first ones
 * @param stimeSeconds   how long each {@code openssl s_time} measurement runs, per TLS version
 * @param compareSclient endpoints for the {@code xargs -P 64 openssl s_client -status} comparison (the
 *                       first ones of the list; default 1,000 or the whole list if shorter); 0 = none
 * @param sclientParallel parallel {@code s_client} processes in that comparison ({@code xargs -P})
 * @param workers        nginx worker processes (default: the machine's cores)
 * @param scanArgs       extra {@code staplescan scan} options (e.g. {@code --concurrency 512}); none = defaults
 * @param xmx            the scanning JVM's maximum heap (through STAPLESCAN_JAVA_OPTS); empty = the JVM's default
 * @param nginx          the nginx binary; empty = look in PATH, /usr/sbin, /usr/local/nginx/sbin
 * @param work           where certificates, nginx's prefix, lists, databases and reports go
 * @param launcher       the command that runs staplescan, as users run it (default {@code bin/staplescan})
 */
record ServerBenchmarkOptions(
        int addresses,
        int names,
        int endpoints,
        int stimeSeconds,
        int compareSclient,
        int sclientParallel,
        int workers,
        List<String> scanArgs,
        Optional<String> xmx,
        Optional<Path> nginx,
        Path work,
        Path launcher) {

    static final String USAGE = "usage: bin/benchmark --server nginx [--endpoints 5000] [--addresses 1000] "
            + "[--names 5] [--stime-seconds 10] [--compare-sclient 1000] [--sclient-parallel 64] [--workers N] "
            + "[--scan-arg OPTION]... [--xmx SIZE] [--nginx PATH] [--work DIR] [--launcher PATH]";

    ServerBenchmarkOptions {
        scanArgs = List.copyOf(scanArgs);
    }

    static ServerBenchmarkOptions parse(String... args) {
        Integer addresses = null;
        Integer names = null;
        Integer endpoints = null;
        int stimeSeconds = 10;
        Integer compare = null;
        int parallel = 64;
        int workers = Runtime.getRuntime().availableProcessors();
        List<String> scanArgs = new ArrayList<>();
        Optional<String> xmx = Optional.empty();
        Optional<Path> nginx = Optional.empty();
        Path work = Path.of("target", "benchmark-nginx");
        Path launcher = Path.of("bin", "staplescan");
        String server = null;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            if (value == null) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            switch (args[i++]) {
                case "--server" -> server = value;
                case "--addresses" -> addresses = positive("--addresses", value);
                case "--names" -> names = positive("--names", value);
                case "--endpoints" -> endpoints = positive("--endpoints", value);
                case "--stime-seconds" -> stimeSeconds = positive("--stime-seconds", value);
                case "--compare-sclient" -> compare = Integer.parseInt(value.replace("_", ""));
                case "--sclient-parallel" -> parallel = positive("--sclient-parallel", value);
                case "--workers" -> workers = positive("--workers", value);
                case "--scan-arg" -> scanArgs.add(value);
                case "--xmx" -> xmx = Optional.of(value);
                case "--nginx" -> nginx = Optional.of(Path.of(value));
                case "--work" -> work = Path.of(value);
                case "--launcher" -> launcher = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + args[i - 1]);
            }
        }
        if (!"nginx".equals(server)) {
            throw new IllegalArgumentException("--server must be nginx (the only real server supported)");
        }
        // Defaults: 1000 addresses × 5 names = 5,000 endpoints, the list of issue 9's target.
        // --endpoints alone keeps 5 names per address and takes as many addresses as it needs.
        int perAddress = names != null ? names : 5;
        int total = endpoints != null ? endpoints : (addresses != null ? addresses : 1_000) * perAddress;
        int listen = addresses != null ? addresses : ceilDiv(total, perAddress);
        if ((long) listen * perAddress < total) {
            throw new IllegalArgumentException(
                    "--endpoints " + total + " needs more than --addresses " + listen + " × --names " + perAddress);
        }
        // Issue 9's comparison is on 1,000 endpoints; a shorter list compares on all of it.
        if (compare == null) {
            compare = Math.min(1_000, total);
        }
        if (compare < 0 || compare > total) {
            throw new IllegalArgumentException("--compare-sclient must be between 0 and --endpoints (" + total + ")");
        }
        return new ServerBenchmarkOptions(
                listen,
                perAddress,
                total,
                stimeSeconds,
                compare,
                parallel,
                workers,
                scanArgs,
                xmx,
                nginx,
                work,
                launcher);
    }

    private static int positive(String option, String value) {
        int n = Integer.parseInt(value.replace("_", ""));
        if (n < 1) {
            throw new IllegalArgumentException(option + " must be at least 1");
        }
        return n;
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
