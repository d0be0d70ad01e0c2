package dev.staplescan.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** Uses stand-in lookups: no DNS traffic. */
class ResolverTest {

    @Test
    void aHangingResolverIsCutAtTheDeadline() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        try (Resolver r = new Resolver(2, host -> {
            try {
                never.await();
            } catch (InterruptedException cancelled) {
                Thread.currentThread().interrupt();
            }
            throw new UnknownHostException(host);
        })) {
            long start = System.nanoTime();

            Resolver.Resolution res = r.resolve("slow.test", 200);

            long elapsed = Deadline.millisSince(start);
            assertEquals(Outcome.DNS_FAILURE, res.outcome());
            assertTrue(res.error().contains("took longer than 200 ms"), res.error());
            assertTrue(elapsed < 2_000, "waited " + elapsed + " ms");
        }
    }

    @Test
    void noSuchNameIsDnsFailureWithTheReason() throws Exception {
        try (Resolver r = new Resolver(1, host -> {
            throw new UnknownHostException(host + ": Name or service not known");
        })) {
            Resolver.Resolution res = r.resolve("nx.test", 1_000);

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
            assertEquals(List.of(a, b), r.resolve("pool.test", 1_000).addresses());
        }
    }

    @Test
    void ipLiteralsNeverReachTheLookup() throws Exception {
        try (Resolver r = new Resolver(1, host -> {
            throw new AssertionError("looked up " + host);
        })) {
            assertEquals(Outcome.OK, r.resolve("127.0.0.1", 1_000).outcome());
            assertEquals(Outcome.OK, r.resolve("::1", 1_000).outcome());
        }
    }

    @Test
    void aBugInTheLookupIsAnInternalError() throws Exception {
        try (Resolver r = new Resolver(1, host -> {
            throw new IllegalStateException("bug");
        })) {
            assertEquals(Outcome.INTERNAL_ERROR, r.resolve("bug.test", 1_000).outcome());
        }
    }
}
