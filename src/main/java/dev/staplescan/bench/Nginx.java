package dev.staplescan.bench;

import dev.staplescan.lab.LoopbackAddresses;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real nginx on loopback for the benchmark: its own prefix, configuration, pid and logs under the
 * work directory, run in the foreground ({@code daemon off}) as the current user, with
 * {@code worker_processes} workers. One HTTPS server listens on one port on each of many 127.X.Y.n
 * addresses, with the benchmark's wildcard certificate and {@code ssl_stapling_file} (so it staples
 * from the very first handshake, with no fetch of its own); a second server on one more address
 * offers {@code stub_status} for {@link AcceptWatch}. {@link #close()} stops it.
 */
final class Nginx implements AutoCloseable {

    /** Ports below Linux's ephemeral range (32768-60999), so no client connection holds one. */
    private static final int PORT_FLOOR = 20_000;

    private static final int PORT_SPAN = 10_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Process master;
    private final Path prefix;
    private final List<InetAddress> addresses;
    private final int port;
    private final InetSocketAddress status;
    private final String version;

    private Nginx(
            Process master,
            Path prefix,
            List<InetAddress> addresses,
            int port,
            InetSocketAddress status,
            String version) {
        this.master = master;
        this.prefix = prefix;
        this.addresses = List.copyOf(addresses);
        this.port = port;
        this.status = status;
        this.version = version;
    }

    /** The nginx binary: the one given, else the first found in PATH, /usr/sbin, /usr/local/nginx/sbin. */
    static Optional<Path> find(Optional<Path> given) {
        if (given.isPresent()) {
            return given.filter(Files::isExecutable);
        }
        return Commands.which("nginx", List.of(Path.of("/usr/sbin"), Path.of("/usr/local/nginx/sbin")));
    }

    /** Writes the configuration, checks it with {@code nginx -t}, starts nginx and waits until it answers. */
    static Nginx start(Path binary, Path prefix, int addressCount, int workers, BenchPki pki, Commands commands)
            throws IOException, InterruptedException {
        Files.createDirectories(prefix.resolve("logs"));
        Files.createDirectories(prefix.resolve("tmp"));
        LoopbackAddresses block = new LoopbackAddresses();
        List<InetAddress> addresses = new ArrayList<>(addressCount);
        for (int i = 0; i < addressCount; i++) {
            addresses.add(block.next());
        }
        InetAddress statusAddress = block.next();
        int port = freePort(addresses, statusAddress);
        Path conf = prefix.resolve("nginx.conf");
        Files.writeString(
                conf, NginxConfig.render(prefix, addresses, port, statusAddress, workers, pki), StandardCharsets.UTF_8);
        Path errorLog = prefix.resolve("logs/error.log");
        List<String> base =
                List.of(binary.toString(), "-p", prefix.toString(), "-c", conf.toString(), "-e", errorLog.toString());
        Commands.Result test = commands.run(concat(base, "-t"), Duration.ofSeconds(60));
        if (test.exitCode() != 0) {
            throw new IllegalStateException("nginx -t rejected " + conf + ":\n" + test.output());
        }
        String version = commands.run(List.of(binary.toString(), "-v"), Duration.ofSeconds(10))
                .output()
                .strip()
                .replace("nginx version: ", "");
        Process master = new ProcessBuilder(base)
                .redirectErrorStream(true)
                .redirectOutput(prefix.resolve("logs/master.out").toFile())
                .start();
        Nginx nginx = new Nginx(master, prefix, addresses, port, new InetSocketAddress(statusAddress, port), version);
        try {
            nginx.awaitReady(errorLog);
            return nginx;
        } catch (IOException | InterruptedException | RuntimeException e) {
            nginx.close();
            throw e;
        }
    }

    private void awaitReady(Path errorLog) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (!master.isAlive()) {
                throw new IllegalStateException("nginx exited at start (code " + master.exitValue() + "):\n"
                        + Files.readString(errorLog, StandardCharsets.UTF_8));
            }
            if (AcceptWatch.answers(status)) {
                return;
            }
            // Not listening yet: nginx binds its thousand sockets in a moment.
            Thread.sleep(50);
        }
        throw new IllegalStateException("nginx did not answer on " + status + " within 30 s; see " + errorLog);
    }

    /**
     * A port free on every address: chosen at random below the ephemeral range and checked by
     * binding it on each address (nginx binds the same a moment later; a clash in between is
     * reported by nginx at start).
     */
    private static int freePort(List<InetAddress> addresses, InetAddress statusAddress) {
        List<InetAddress> all = new ArrayList<>(addresses);
        all.add(statusAddress);
        for (int attempt = 0; attempt < 20; attempt++) {
            int port = PORT_FLOOR + RANDOM.nextInt(PORT_SPAN);
            if (all.stream().allMatch(a -> bindable(a, port))) {
                return port;
            }
        }
        throw new UncheckedIOException(new IOException("no port free on all benchmark addresses after 20 tries"));
    }

    private static boolean bindable(InetAddress address, int port) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(address, port), 1);
            return true;
        } catch (IOException e) {
            // Someone else listens there: try another port.
            return false;
        }
    }

    private static List<String> concat(List<String> base, String... more) {
        List<String> all = new ArrayList<>(base);
        all.addAll(List.of(more));
        return all;
    }

    List<InetAddress> addresses() {
        return addresses;
    }

    int port() {
        return port;
    }

    /** Where {@code stub_status} answers (plain HTTP). */
    InetSocketAddress status() {
        return status;
    }

    /** nginx's own version line, e.g. {@code nginx/1.22.1}. */
    String version() {
        return version;
    }

    Path prefix() {
        return prefix;
    }

    /** Stops nginx (SIGTERM: fast shutdown of master and workers) and waits up to 10 s for it. */
    @Override
    public void close() {
        master.destroy();
        try {
            if (!master.waitFor(10, TimeUnit.SECONDS)) {
                master.descendants().forEach(ProcessHandle::destroyForcibly);
                master.destroyForcibly();
            }
        } catch (InterruptedException e) {
            // Interrupted while nginx stops: make sure it does, and keep the interrupt.
            master.descendants().forEach(ProcessHandle::destroyForcibly);
            master.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
