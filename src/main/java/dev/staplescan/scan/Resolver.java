package dev.staplescan.scan;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Name resolution with a deadline. The JDK resolver ({@code InetAddress.getAllByName}, getaddrinfo
 * underneath) has no per-call timeout and cannot be interrupted, so lookups run on a small fixed pool
 * of platform threads and the scanning thread waits for the answer with a timeout. When the wait gives
 * up, the endpoint is a DNS_FAILURE and the lookup is left to finish (or fail) on its own thread.
 *
 * <p>Why platform threads and not a virtual thread per lookup: a lookup blocks in native code, which
 * holds a virtual thread's carrier; the JDK compensates with extra carriers only up to a limit, so a
 * hung resolver could stall every scan. A fixed pool caps the damage to the lookups themselves.
 * The JDK's own address cache (positive 30 s, negative 10 s by default) still applies.
 */
final class Resolver implements AutoCloseable {

    /**
     * What a lookup found.
     *
     * @param outcome   OK, DNS_FAILURE or INTERNAL_ERROR
     * @param addresses distinct addresses in resolver order; empty unless OK
     * @param error     detail when not OK, else {@code null}
     */
    record Resolution(Outcome outcome, List<InetAddress> addresses, String error) {
        Resolution {
            addresses = List.copyOf(addresses);
        }
    }

    /** The blocking lookup; {@code InetAddress::getAllByName} in production, a stand-in in tests. */
    @FunctionalInterface
    interface Lookup {
        InetAddress[] lookup(String host) throws UnknownHostException;
    }

    /** Dotted-quad IPv4; anything with a colon is an IPv6 literal (Target keeps them unbracketed). */
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final ExecutorService pool;
    private final Lookup lookup;

    Resolver(int threads, Lookup lookup) {
        this.lookup = lookup;
        pool = Executors.newFixedThreadPool(
                threads, Thread.ofPlatform().name("staplescan-dns-", 0).daemon().factory());
    }

    /**
     * Resolves {@code host}; an IP literal is parsed without any lookup. Two bounds: the wait for a
     * free resolver thread is bounded by the endpoint's {@code budget}; the lookup itself by
     * {@code timeout} from the moment it starts. Queueing therefore never turns a healthy name into a
     * DNS_FAILURE; a pool that stays saturated for the whole budget is our capacity problem and is
     * reported as INTERNAL_ERROR.
     */
    Resolution resolve(String host, Duration timeout, Deadline budget) throws InterruptedException {
        if (isLiteral(host)) {
            return lookup(InetAddress::getAllByName, host); // parses literals, never asks DNS for them
        }
        AtomicLong startedAt = new AtomicLong();
        CountDownLatch started = new CountDownLatch(1);
        Future<Resolution> answer = pool.submit(() -> {
            startedAt.set(System.nanoTime());
            started.countDown();
            return lookup(lookup, host);
        });
        try {
            if (!started.await(Math.max(0, budget.remainingMillis()), TimeUnit.MILLISECONDS)) {
                answer.cancel(false);
                return new Resolution(
                        Outcome.INTERNAL_ERROR,
                        List.of(),
                        "resolver saturated: no lookup thread "
                                + "was free within the endpoint's budget; raise resolverThreads or lower the scan concurrency");
            }
            long end = startedAt.get() + timeout.toNanos();
            if (end - budget.endNanos() > 0) {
                end = budget.endNanos();
            }
            return answer.get(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException slowResolver) {
            answer.cancel(true); // a running getaddrinfo cannot be stopped; its thread returns when the OS gives up
            ErrorMapper.Mapped m = ErrorMapper.resolveTimeout(host, timeout.toMillis());
            return new Resolution(m.outcome(), List.of(), m.detail());
        } catch (ExecutionException bug) {
            // lookup() returns every expected failure as a value, so this is a defect of ours.
            ErrorMapper.Mapped m = ErrorMapper.map(ErrorMapper.Step.RESOLVE, bug.getCause(), false);
            return new Resolution(m.outcome(), List.of(), m.detail());
        }
    }

    static boolean isLiteral(String host) {
        return host.indexOf(':') >= 0 || IPV4.matcher(host).matches();
    }

    private static Resolution lookup(Lookup lookup, String host) {
        try {
            InetAddress[] all = lookup.lookup(host);
            return new Resolution(Outcome.OK, Arrays.stream(all).distinct().toList(), null);
        } catch (UnknownHostException noSuchName) {
            // NXDOMAIN, no A/AAAA record, or a resolver that failed: all "the name gave no address".
            ErrorMapper.Mapped m = ErrorMapper.map(ErrorMapper.Step.RESOLVE, noSuchName, false);
            return new Resolution(m.outcome(), List.of(), m.detail());
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
