package dev.staplescan.scan;

import dev.staplescan.input.Target;
import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The network layer: resolves an endpoint, runs TLS handshakes that ask for a staple, and records
 * what it saw as an {@link Observation}. It never judges (SPEC §2): an invalid chain, a missing or
 * garbage staple are facts for assessment.
 *
 * <p>Thread-safe. Build one per run and share it: thousands of virtual threads may call
 * {@link #scan} at once. It holds one {@link TlsEngine} (event loops, a TLS context per version) and
 * one resolver pool; {@link #close()} releases them.
 *
 * <p>Order of attempts: for each scanned address (the first, or up to {@code maxAddresses} when
 * {@code allAddresses} is on), for each version in {@code versions}, {@code handshakesPerVersion}
 * handshakes. Each attempt's timeouts are clipped to the endpoint's total budget
 * ({@code totalTimeout}, counted from the start of resolution). Attempts that no longer fit are not
 * run but still recorded, as {@link Outcome#HANDSHAKE_TIMEOUT} with {@code connectMillis} and
 * {@code handshakeMillis} of -1 and an error starting with {@value #NOT_ATTEMPTED}: assessment then sees
 * the whole plan, and the budget ran out, which is a timeout of the endpoint.
 */
public final class Scanner implements AutoCloseable {

    /** Prefix of the error text of attempts skipped because the endpoint's budget was spent. */
    public static final String NOT_ATTEMPTED = "not attempted:";

    /**
     * Less budget than this left means the attempt is not made. Socket timeouts are whole
     * milliseconds clipped down to what is left, so the previous attempt can end a fraction of a
     * millisecond before the budget does; a 1 ms attempt after it could only fail (seen under load as
     * "Socket closed" instead of "not attempted").
     */
    static final long MIN_ATTEMPT_MILLIS = 10;

    private static final Logger log = LoggerFactory.getLogger(Scanner.class);

    private final ScanOptions options;
    private final Resolver resolver;
    private final TlsEngine tls;
    private final TlsProbe probe;

    /**
     * @throws IllegalStateException when no TLS stack can be set up (neither BoringSSL nor the JDK's),
     *                               or the JDK fallback would not ask for staples
     */
    public Scanner(ScanOptions options) {
        this(options, InetAddress::getAllByName);
    }

    /** With a stand-in for DNS, so tests can resolve names to loopback addresses or hang. */
    Scanner(ScanOptions options, Resolver.Lookup lookup) {
        this.options = options;
        CapturingTrustManager trustManager = new CapturingTrustManager();
        this.tls = new TlsEngine(trustManager, Runtime.getRuntime().availableProcessors());
        this.resolver = new Resolver(options.resolverThreads(), lookup);
        this.probe = new TlsProbe(tls, trustManager, options);
        log.debug("scanner on {}", tls.describe());
    }

    /** A scanner with {@link ScanOptions#defaults()}. */
    public Scanner() {
        this(ScanOptions.defaults());
    }

    public ScanOptions options() {
        return options;
    }

    /**
     * Scans one endpoint. Blocking; meant to run on a virtual thread. Never throws for anything the
     * network or the server does; a defect of ours becomes {@link Outcome#INTERNAL_ERROR}.
     *
     * @throws CancellationException when the calling thread is interrupted (the job is stopping); the
     *                               interrupt flag stays set
     */
    public Observation scan(Target target) {
        Instant startedAt = Instant.now();
        long start = System.nanoTime();
        Deadline budget = Deadline.after(options.totalTimeout());
        Resolver.Resolution resolution;
        try {
            resolution = resolver.resolve(target.host(), options.resolveTimeout(), budget);
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            throw new CancellationException("scan of " + target.endpoint() + " interrupted during name resolution");
        } catch (RuntimeException defect) {
            resolution = internalError(defect);
        }
        if (resolution.outcome() != Outcome.OK) {
            return new Observation(
                    target,
                    startedAt,
                    Deadline.millisSince(start),
                    resolution.outcome(),
                    List.of(),
                    List.of(),
                    resolution.error());
        }
        List<InetAddress> addresses = resolution.addresses();
        List<Handshake> handshakes = handshakes(target, addresses, budget);
        long total = Deadline.millisSince(start);
        log.debug("scanned {} in {} ms: {} handshakes", target.endpoint(), total, handshakes.size());
        return new Observation(
                target,
                startedAt,
                total,
                Outcome.OK,
                addresses.stream().map(InetAddress::getHostAddress).toList(),
                handshakes,
                null);
    }

    private List<Handshake> handshakes(Target target, List<InetAddress> addresses, Deadline budget) {
        List<InetAddress> scanned = addresses.subList(0, options.addressesToScan(addresses.size()));
        List<Handshake> out =
                new ArrayList<>(scanned.size() * options.versions().size() * options.handshakesPerVersion());
        for (InetAddress address : scanned) {
            for (TlsVersion version : options.versions()) {
                for (int i = 0; i < options.handshakesPerVersion(); i++) {
                    Handshake h = attempt(out.size(), address, target, version, budget);
                    out.add(h);
                    if (!worthRepeating(h.outcome())) {
                        // Repeats catch intermittent stapling; they cannot change a refused, silent or
                        // non-TLS port, and a tarpit would cost a full timeout per repeat. Skipped
                        // repeats are not recorded: the observation lists only what was tried.
                        break;
                    }
                }
            }
        }
        return out;
    }

    /** Whether another handshake of the same version on the same address could end differently. */
    static boolean worthRepeating(Outcome outcome) {
        return switch (outcome) {
            case CONNECT_REFUSED, CONNECT_TIMEOUT, HANDSHAKE_TIMEOUT, NOT_TLS, PROTOCOL_NOT_SUPPORTED -> false;
            case OK, HANDSHAKE_FAILED, STAPLE_MALFORMED, DNS_FAILURE, INTERNAL_ERROR -> true;
        };
    }

    private Handshake attempt(int sequence, InetAddress address, Target target, TlsVersion version, Deadline budget) {
        if (Thread.currentThread().isInterrupted()) {
            // Interrupting a virtual thread closes its socket; stop rather than record that as a server failure.
            throw new CancellationException("scan of " + target.endpoint() + " interrupted");
        }
        if (budget.remainingMillis() < MIN_ATTEMPT_MILLIS) {
            return new Handshake(
                    sequence,
                    address.getHostAddress(),
                    version,
                    Outcome.HANDSHAKE_TIMEOUT,
                    null,
                    null,
                    List.of(),
                    null,
                    -1,
                    -1,
                    NOT_ATTEMPTED + " the endpoint's total budget of "
                            + options.totalTimeout().toMillis() + " ms was spent");
        }
        try {
            return probe.run(sequence, address, target, version, budget);
        } catch (RuntimeException defect) {
            // Our bug boundary (STYLE habit 4): reported with its trace, never as a server finding.
            ErrorMapper.Mapped m = ErrorMapper.map(ErrorMapper.Step.HANDSHAKE, defect, false);
            log.warn("internal error scanning {}", target.endpoint(), defect);
            return new Handshake(
                    sequence,
                    address.getHostAddress(),
                    version,
                    m.outcome(),
                    null,
                    null,
                    List.of(),
                    null,
                    -1,
                    -1,
                    m.detail());
        }
    }

    private static Resolver.Resolution internalError(RuntimeException defect) {
        log.warn("internal error resolving", defect);
        ErrorMapper.Mapped m = ErrorMapper.map(ErrorMapper.Step.RESOLVE, defect, false);
        return new Resolver.Resolution(m.outcome(), List.of(), m.detail());
    }

    /** What runs the handshakes ({@code BoringSSL 1.1.1 (compatible; BoringSSL), epoll}), for logs and reports. */
    public String tlsStack() {
        return tls.describe();
    }

    /** Stops the resolver pool and the event loops. Scans in flight may fail afterwards. */
    @Override
    public void close() {
        resolver.close();
        tls.close();
    }
}
