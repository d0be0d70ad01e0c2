package dev.staplescan.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ResponderCacheTest {

    private static final ResponderCache.Key KEY = new ResponderCache.Key("ab", "1F", "http://ocsp.test/");

    private static ResponderAnswer answer(String serial) {
        return new ResponderAnswer(
                "http://ocsp.test/", serial, "ab", QueryOutcome.ANSWERED, 200, new byte[] {1}, Instant.now(), 3, null);
    }

    @Test
    void aThousandConcurrentCallersForOneCertificateCauseOneQuery() throws Exception {
        // given a query that blocks until every caller has asked
        ResponderCache cache = new ResponderCache(10);
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        ResponderAnswer only = answer("1F");
        List<Future<ResponderAnswer>> results = new ArrayList<>();
        // when
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 1000; i++) {
                results.add(pool.submit(() -> cache.get(KEY, () -> {
                    calls.incrementAndGet();
                    await(release);
                    return only;
                })));
            }
            Thread.sleep(100); // let the callers pile up behind the query in flight
            release.countDown();
            // then every caller gets the one answer
            for (Future<ResponderAnswer> f : results) {
                assertSame(only, f.get(10, TimeUnit.SECONDS));
            }
        }
        assertEquals(1, calls.get());
        assertEquals(1, cache.queries());
    }

    @Test
    void failedQueriesAreCachedToo() {
        ResponderCache cache = new ResponderCache(10);
        ResponderAnswer timeout = new ResponderAnswer(
                "http://ocsp.test/", "1F", "ab", QueryOutcome.TIMEOUT, -1, null, Instant.now(), 5000, "no answer");

        cache.get(KEY, () -> timeout);

        assertSame(timeout, cache.get(KEY, () -> answer("other")));
        assertEquals(1, cache.queries());
    }

    @Test
    void isBoundedAndForgetsTheLeastRecentlyUsed() {
        ResponderCache cache = new ResponderCache(2);
        for (int i = 0; i < 5; i++) {
            String serial = Integer.toString(i);
            cache.get(new ResponderCache.Key("ab", serial, "u"), () -> answer(serial));
        }

        assertEquals(2, cache.size());
        cache.get(new ResponderCache.Key("ab", "0", "u"), () -> answer("0"));
        assertEquals(6, cache.queries(), "the oldest was dropped and asked again");
    }

    @Test
    void aDefectIsNotCachedAndReachesTheCaller() {
        ResponderCache cache = new ResponderCache(2);

        assertThrows(
                IllegalStateException.class,
                () -> cache.get(KEY, () -> {
                    throw new IllegalStateException("bug");
                }));
        assertEquals("1F", cache.get(KEY, () -> answer("1F")).serial());
        assertEquals(1, cache.size());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
