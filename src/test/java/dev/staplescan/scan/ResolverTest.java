package dev.staplescan.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** Uses stand-in lookups: no DNS traffic. */
// Binds and connects to literal loopback addresses: no name is resolved, one address is the point.
@SuppressWarnings("AddressSelection")
class ResolverTest {

    private static final Duration SECOND = Duration.ofSeconds(1);

    /** A lookup that blocks until released, like getaddrinfo against a dead resolver. */
    private static Resolver.Lookup hangingUntil(CountDownLatch release) {
        return host -> {
            try {
                release.await();
            } catch (InterruptedException cancelled) {
                Thread.currentThread().interrupt();
            }
            throw new UnknownHostException(host);
        };
    }

    @Test
    void aHangingResolverIsCutAtTheDeadline() throws Exception {
        try (Resolver r = new Resolver(2, hangingUntil(new CountDownLatch(1)))) {
            long start = System.nanoTime();

            Resolver.Resolution res =
                    r.resolve("slow.test", Duration.ofMillis(200), Deadline.after(Duration.ofSeconds(30)));

            long elapsed = Deadline.millisSince(start);
            assertEquals(Outcome.DNS_FAILURE, res.outcome());
            assertTrue(res.error().contains("took longer than 200 ms"), res.error());
            assertTrue(elapsed < 2_000, "waited " + elapsed + " ms");
        }
    }

    @Test
    void waitingForABusyResolverThreadDoesNotCountAgainstTheLookupTimeout() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        try (Resolver r = new Resolver(1, host -> {
            if (host.equals("first.test")) {
                hangingUntil(release).lookup(host);
            }
            return new InetAddress[] {loopback};
        })) {
            Thread.ofVirtual().start(() -> {
                try {
                    r.resolve("first.test", SECOND, Deadline.after(SECOND));
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                }
            });
            Thread.ofVirtual().start(() -> {
                sleep(300);
                release.countDown(); // frees the only thread after the second lookup's 200 ms timeout
            });
            sleep(50);

            Resolver.Resolution second = r.resolve("second.test", Duration.ofMillis(200), Deadline.after(SECOND));

            assertEquals(Outcome.OK, second.outcome(), second.error());
        }
    }

    @Test
    void aPoolBusyForTheWholeBudgetIsOurProblemNotTheServers() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (Resolver r = new Resolver(1, hangingUntil(release))) {
            Thread.ofVirtual().start(() -> {
                try {
                    r.resolve("first.test", Duration.ofSeconds(10), Deadline.after(Duration.ofSeconds(10)));
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                }
            });
            sleep(50);

            Resolver.Resolution starved = r.resolve("second.test", SECOND, Deadline.after(Duration.ofMillis(300)));

            assertEquals(Outcome.INTERNAL_ERROR, starved.outcome());
            assertTrue(starved.error().contains("resolver saturated"), starved.error());
            release.countDown();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void noSuchNameIsDnsFailureWithTheReason() throws Exception {
        try (Resolver r = new Resolver(1, host -> {
            throw new UnknownHostException(host + ": Name or service not known");
        })) {
            Resolver.Resolution res = r.resolve("nx.test", SECOND, Deadline.after(SECOND));

            assertEquals(Outcome.DNS_FAILURE, res.outcome());
            assertTrue(res.error().contains("UnknownHostException"), res.error());
            assertEquals(List.of(), res.addresses());
        }
    }

    @Test
    void duplicatesAreDroppedAndOrderKept() throws Exception {
        InetAddress a = InetAddress.getByName("127.0.0.2");
        InetAddress b = InetAddress.getByName("127.0.0.1");
        try (Resolver r = new Resolver(1, host -> new InetAddress[] {a, b, a})) {
            assertEquals(
                    List.of(a, b),
                    r.resolve("pool.test", SECOND, Deadline.after(SECOND)).addresses());
        }
    }

    @Test
    void ipLiteralsNeverReachTheLookup() throws Exception {
        try (Resolver r = new Resolver(1, host -> {
            throw new AssertionError("looked up " + host);
        })) {
            assertEquals(
                    Outcome.OK,
                    r.resolve("127.0.0.1", SECOND, Deadline.after(SECOND)).outcome());
            assertEquals(
                    Outcome.OK, r.resolve("::1", SECOND, Deadline.after(SECOND)).outcome());
        }
    }

    @Test
    void aBugInTheLookupIsAnInternalError() throws Exception {
        try (Resolver r = new Resolver(1, host -> {
            throw new IllegalStateException("bug");
        })) {
            assertEquals(
                    Outcome.INTERNAL_ERROR,
                    r.resolve("bug.test", SECOND, Deadline.after(SECOND)).outcome());
        }
    }
}
