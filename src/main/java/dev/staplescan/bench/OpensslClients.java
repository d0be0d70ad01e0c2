package dev.staplescan.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The yardsticks from the OpenSSL command line, run against the benchmark nginx: a staple check
 * with {@code s_client -status}, the handshake rate of parallel {@code s_time -new}, and the
 * administrator's script {@code xargs -P 64 openssl s_client -status} over a host list.
 */
final class OpensslClients {

    /** The TLS versions staplescan asks for, with the option that pins OpenSSL's clients to each. */
    enum Version {
        TLS13("TLS 1.3", "-tls1_3"),
        TLS12("TLS 1.2", "-tls1_2");

        final String label;
        final String option;

        Version(String label, String option) {
            this.label = label;
            this.option = option;
        }
    }

    /**
     * Parallel {@code s_time} processes against one server.
     *
     * @param perProcess handshakes/s of each process: its connection count over its own wall time
     * @param connections connections each made
     */
    record StimeRate(Version version, List<Double> perProcess, List<Long> connections) {

        double total() {
            return perProcess.stream().mapToDouble(Double::doubleValue).sum();
        }
    }

    /**
     * The {@code xargs -P N openssl s_client -status} sweep.
     *
     * @param endpoints lines given to it
     * @param stapled   endpoints whose output said "OCSP Response Status: successful"
     * @param seconds   wall time of the whole pipeline
     * @param script    the shell command run, to print
     */
    record Sweep(int endpoints, long stapled, double seconds, String script) {

        double endpointsPerSecond() {
            return endpoints / seconds;
        }
    }

    /**
     * {@code s_time} prints "N connections in T real seconds" where T is whole seconds counted from
     * the start of a wall-clock second (so -time 10 usually says 11); its "connections/user sec" is
     * per second of its own CPU, not of wall time. Only the count is taken from the output.
     */
    private static final Pattern STIME_COUNT = Pattern.compile("(\\d+) connections in \\d+ real seconds");

    private final Commands commands;

    OpensslClients(Commands commands) {
        this.commands = commands;
    }

    /** The connection count of an {@code s_time} output; -1 when it has none. */
    static long stimeConnections(String output) {
        Matcher m = STIME_COUNT.matcher(output);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    /** {@code openssl s_client -status} once: true when a good, successful staple came back. */
    boolean staples(InetSocketAddress server, String sni, Version version) throws IOException, InterruptedException {
        Commands.Result r = commands.run(
                List.of(
                        "openssl",
                        "s_client",
                        "-connect",
                        hostPort(server),
                        "-servername",
                        sni,
                        "-status",
                        version.option),
                Duration.ofSeconds(30));
        return r.output().contains("OCSP Response Status: successful")
                && r.output().contains("Cert Status: good");
    }

    /**
     * {@code parallel} × {@code openssl s_time -new -time seconds} at once, process i against
     * {@code servers[i]} (different addresses spread the clients' TIME_WAIT sockets). A process's rate
     * is its connection count over its wall time measured here, start to exit.
     */
    StimeRate stime(List<InetSocketAddress> servers, int seconds, Version version)
            throws IOException, InterruptedException {
        List<Commands.Running> running = new ArrayList<>();
        for (InetSocketAddress server : servers) {
            running.add(commands.start(
                    "s_time-" + version.option.substring(1),
                    List.of(
                            "openssl",
                            "s_time",
                            "-connect",
                            hostPort(server),
                            "-new",
                            version.option,
                            "-time",
                            Integer.toString(seconds)),
                    null));
        }
        List<Double> rates = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        for (Commands.Running r : running) {
            Commands.Result result = r.await(Duration.ofSeconds(seconds + 60L));
            Matcher m = STIME_COUNT.matcher(result.output());
            if (result.exitCode() != 0 || !m.find()) {
                throw new IllegalStateException(
                        "openssl s_time failed (see " + result.log() + "):\n" + result.output());
            }
            long count = Long.parseLong(m.group(1));
            counts.add(count);
            rates.add(count / result.seconds());
        }
        return new StimeRate(version, rates, counts);
    }

    /**
     * The administrator's script: one {@code openssl s_client -status} per endpoint, {@code parallel}
     * at a time through xargs, each checked for a successful staple. {@code list} has one
     * "address:port sni" per line. OpenSSL negotiates its default (TLS 1.3 here): one handshake per endpoint.
     */
    Sweep sclientSweep(Path list, int endpoints, int parallel) throws IOException, InterruptedException {
        String script = "xargs -P " + parallel + " -L 1 sh -c 'if openssl s_client -connect \"$0\" "
                + "-servername \"$1\" -status </dev/null 2>/dev/null | grep -q \"OCSP Response Status: successful\"; "
                + "then echo \"stapled $0 $1\"; else echo \"NO STAPLE $0 $1\"; fi'";
        Commands.Result r = commands.start("xargs-s_client", List.of("bash", "-c", script), list)
                .await(Duration.ofHours(2));
        if (r.exitCode() != 0) {
            throw new IllegalStateException("the xargs s_client sweep failed (see " + r.log() + ")");
        }
        long stapled = r.output().lines().filter(l -> l.startsWith("stapled ")).count();
        return new Sweep(endpoints, stapled, r.seconds(), script + " < " + list);
    }

    private static String hostPort(InetSocketAddress server) {
        return server.getAddress().getHostAddress() + ":" + server.getPort();
    }
}
