package dev.staplescan.scan;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How the {@link Scanner} probes one endpoint. Immutable; validated on construction so that a bad
 * job definition fails before the first socket opens. Start from {@link #defaults()} and change
 * what you need with the {@code with...} methods.
 *
 * @param connectTimeout       bound on establishing TCP to one address (default 5 s)
 * @param handshakeTimeout     bound on one TLS handshake, from connected to finished (default 10 s). It is
 *                             enforced both as the socket read timeout and as a hard deadline, so a server
 *                             that drips one byte at a time cannot stretch it
 * @param totalTimeout         budget for the whole endpoint, name resolution included (default 30 s);
 *                             attempts that do not fit are recorded as not attempted (see {@link Scanner})
 * @param resolveTimeout       bound on the name lookup from the moment it starts (default 5 s). The JDK
 *                             resolver has no per-call timeout, so the {@link Scanner} waits for it with this
 *                             deadline; time queued for a free resolver thread counts only against {@code totalTimeout}
 * @param versions             TLS versions to try, in order, one version per handshake (default TLS 1.3, then TLS 1.2)
 * @param handshakesPerVersion handshakes per version and address; more than 1 catches intermittent stapling
 *                             such as a cold OCSP cache after a restart (default 1)
 * @param allAddresses         {@code false}: only the first resolved address is scanned; {@code true}: every
 *                             version on each resolved address, to catch load-balancer backends that disagree (default false)
 * @param maxAddresses         cap on the addresses scanned when {@code allAddresses} is on (default 4)
 * @param resolverThreads      platform threads that perform name lookups for the whole scanner (default 32);
 *                             they are kept off the virtual-thread carriers because a lookup blocks in native code
 */
public record ScanOptions(
        Duration connectTimeout,
        Duration handshakeTimeout,
        Duration totalTimeout,
        Duration resolveTimeout,
        List<TlsVersion> versions,
        int handshakesPerVersion,
        boolean allAddresses,
        int maxAddresses,
        int resolverThreads) {

    /** Upper bound on repeats: more would only hammer the server; intermittency shows up well before. */
    public static final int MAX_HANDSHAKES_PER_VERSION = 50;
    /** Upper bound on addresses per endpoint; large pools are sampled, not swept. */
    public static final int MAX_ADDRESSES = 64;

    public ScanOptions {
        positive("connectTimeout", connectTimeout);
        positive("handshakeTimeout", handshakeTimeout);
        positive("totalTimeout", totalTimeout);
        positive("resolveTimeout", resolveTimeout);
        Objects.requireNonNull(versions, "versions");
        versions = List.copyOf(versions); // also rejects null elements
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("versions: at least one TLS version is needed");
        }
        if (EnumSet.copyOf(versions).size() != versions.size()) {
            throw new IllegalArgumentException("versions: each TLS version may appear once, got " + versions);
        }
        range("handshakesPerVersion", handshakesPerVersion, 1, MAX_HANDSHAKES_PER_VERSION);
        range("maxAddresses", maxAddresses, 1, MAX_ADDRESSES);
        range("resolverThreads", resolverThreads, 1, 1024);
    }

    /** The defaults documented on each component. */
    public static ScanOptions defaults() {
        return new ScanOptions(
                Duration.ofSeconds(5),
                Duration.ofSeconds(10),
                Duration.ofSeconds(30),
                Duration.ofSeconds(5),
                List.of(TlsVersion.TLS_1_3, TlsVersion.TLS_1_2),
                1,
                false,
                4,
                32);
    }

    public ScanOptions withConnectTimeout(Duration d) {
        return edit(e -> e.connectTimeout = d);
    }

    public ScanOptions withHandshakeTimeout(Duration d) {
        return edit(e -> e.handshakeTimeout = d);
    }

    public ScanOptions withTotalTimeout(Duration d) {
        return edit(e -> e.totalTimeout = d);
    }

    public ScanOptions withResolveTimeout(Duration d) {
        return edit(e -> e.resolveTimeout = d);
    }

    public ScanOptions withVersions(TlsVersion... v) {
        return edit(e -> e.versions = List.of(v));
    }

    public ScanOptions withHandshakesPerVersion(int n) {
        return edit(e -> e.handshakesPerVersion = n);
    }

    /** Scan every resolved address (up to {@code max}) instead of only the first. */
    public ScanOptions withAllAddresses(boolean all, int max) {
        return edit(e -> {
            e.allAddresses = all;
            e.maxAddresses = max;
        });
    }

    public ScanOptions withResolverThreads(int n) {
        return edit(e -> e.resolverThreads = n);
    }

    /** A copy with {@code change} applied to its values, validated like any other. */
    private ScanOptions edit(Consumer<Editor> change) {
        Editor e = new Editor(this);
        change.accept(e);
        return new ScanOptions(
                e.connectTimeout,
                e.handshakeTimeout,
                e.totalTimeout,
                e.resolveTimeout,
                e.versions,
                e.handshakesPerVersion,
                e.allAddresses,
                e.maxAddresses,
                e.resolverThreads);
    }

    /** The values of the {@code with...} methods while one changes; the record itself stays immutable. */
    private static final class Editor {
        Duration connectTimeout;
        Duration handshakeTimeout;
        Duration totalTimeout;
        Duration resolveTimeout;
        List<TlsVersion> versions;
        int handshakesPerVersion;
        boolean allAddresses;
        int maxAddresses;
        int resolverThreads;

        Editor(ScanOptions o) {
            connectTimeout = o.connectTimeout;
            handshakeTimeout = o.handshakeTimeout;
            totalTimeout = o.totalTimeout;
            resolveTimeout = o.resolveTimeout;
            versions = o.versions;
            handshakesPerVersion = o.handshakesPerVersion;
            allAddresses = o.allAddresses;
            maxAddresses = o.maxAddresses;
            resolverThreads = o.resolverThreads;
        }
    }

    /** How many addresses of a resolution will be scanned. */
    int addressesToScan(int resolved) {
        return allAddresses ? Math.min(resolved, maxAddresses) : Math.min(resolved, 1);
    }

    private static void positive(String name, Duration d) {
        Objects.requireNonNull(d, name);
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, got " + d);
        }
        // Socket timeouts are int milliseconds; zero would mean "wait forever".
        if (d.toMillis() < 1 || d.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(name + " must be between 1 ms and 24 days, got " + d);
        }
    }

    private static void range(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be in " + min + ".." + max + ", got " + value);
        }
    }
}
