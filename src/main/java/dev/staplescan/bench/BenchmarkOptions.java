package dev.staplescan.bench;

import dev.staplescan.cli.DurationConverter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The benchmark's options.
 *
 * @param sizes       host-list lengths to measure
 * @param servers     lab TLS servers answering them
 * @param ownCertificates each server with a certificate (and staple) of its own, instead of one shared by all
 * @param delay       artificial delay before each handshake, imitating internet round trips
 * @param partitions  scan partitions
 * @param concurrency handshakes in flight
 * @param xmx         the scanning JVM's maximum heap (it shows that memory stays flat)
 * @param work        where lists, databases and reports go
 * @param jar         the staplescan jar to run
 */
record BenchmarkOptions(
        List<Long> sizes,
        int servers,
        boolean ownCertificates,
        Duration delay,
        int partitions,
        int concurrency,
        String xmx,
        Path work,
        Path jar) {

    static final String USAGE = "usage: bin/benchmark [--sizes 1000,10000,100000] [--servers 200] [--own-certificates] "
            + "[--delay 0ms] [--partitions 4] [--concurrency 256] [--xmx 512m] [--work DIR] [--jar FILE]";

    static BenchmarkOptions parse(String... args) {
        List<Long> sizes = List.of(1_000L, 10_000L);
        int servers = 200;
        boolean ownCertificates = false;
        Duration delay = Duration.ZERO;
        int partitions = 4;
        int concurrency = 256;
        String xmx = "512m";
        Path work = Path.of("target", "benchmark");
        Path jar = Path.of("target", "staplescan.jar");
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--own-certificates")) {
                ownCertificates = true;
                continue;
            }
            String value = i + 1 < args.length ? args[i + 1] : null;
            if (value == null) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            switch (args[i++]) {
                case "--sizes" ->
                    sizes = Arrays.stream(value.split(","))
                            .map(s -> Long.parseLong(s.strip().replace("_", "")))
                            .toList();
                case "--servers" -> servers = Integer.parseInt(value);
                case "--delay" ->
                    delay = value.matches("0+(ms|s)?") ? Duration.ZERO : new DurationConverter().convert(value);
                case "--partitions" -> partitions = Integer.parseInt(value);
                case "--concurrency" -> concurrency = Integer.parseInt(value);
                case "--xmx" -> xmx = value;
                case "--work" -> work = Path.of(value);
                case "--jar" -> jar = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + args[i - 1]);
            }
        }
        if (servers < 1 || sizes.isEmpty() || sizes.stream().anyMatch(s -> s < 1)) {
            throw new IllegalArgumentException("--servers and every size must be at least 1");
        }
        return new BenchmarkOptions(sizes, servers, ownCertificates, delay, partitions, concurrency, xmx, work, jar);
    }
}
