package dev.staplescan.scan;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Live responder answers for the whole run, so a certificate shared by 1,000 hosts is asked once
 * (SPEC §4.4, §10). Failed queries are cached too: a responder that timed out for one host would
 * cost every other host the same timeout. Callers asking for a key whose query is in flight wait
 * for it (it is bounded by the responder timeout). Least recently used answers are dropped beyond
 * the capacity. Thread-safe.
 */
final class ResponderCache {

    /**
     * What identifies one answer: the CertID's issuer key hash and serial (RFC 6960 section 4.1.1),
     * and the URL. Certificates with the same issuer and serial are the same certificate and name the
     * same URL; keeping the URL in the key means a forged certificate naming another URL can never
     * be handed an answer that was fetched from somewhere else.
     */
    record Key(String issuerKeyHash, String serial, String url) {
    }

    private final int capacity;
    private final Map<Key, CompletableFuture<ResponderAnswer>> entries;
    private final AtomicLong queries = new AtomicLong();

    ResponderCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("cache capacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, CompletableFuture<ResponderAnswer>> eldest) {
                return size() > ResponderCache.this.capacity;
            }
        };
    }

    /** The cached answer for the key, or the one {@code query} returns (run by exactly one caller). */
    ResponderAnswer get(Key key, Supplier<ResponderAnswer> query) {
        while (true) {
            CompletableFuture<ResponderAnswer> future;
            boolean mine = false;
            synchronized (entries) {
                future = entries.get(key);
                if (future == null) {
                    future = new CompletableFuture<>();
                    entries.put(key, future);
                    mine = true;
                }
            }
            if (mine) {
                return run(key, future, query);
            }
            try {
                return future.join();
            } catch (CancellationException | CompletionException e) {
                if (isCancellation(e)) {
                    // The querying thread was stopped (job shutting down), not the responder: ask again.
                    continue;
                }
                throw e.getCause() instanceof RuntimeException re ? re : e;
            }
        }
    }

    private ResponderAnswer run(Key key, CompletableFuture<ResponderAnswer> future, Supplier<ResponderAnswer> query) {
        queries.incrementAndGet();
        try {
            ResponderAnswer answer = query.get();
            future.complete(answer);
            return answer;
        } catch (RuntimeException | Error e) {
            // Interrupted, or a defect: do not keep it; waiters see it (and retry after an interruption).
            synchronized (entries) {
                entries.remove(key, future);
            }
            future.completeExceptionally(e);
            throw e;
        }
    }

    private static boolean isCancellation(RuntimeException e) {
        return e instanceof CancellationException || e.getCause() instanceof CancellationException;
    }

    /** How many queries were started (cache misses), for tests and benchmarks. */
    long queries() {
        return queries.get();
    }

    int size() {
        synchronized (entries) {
            return entries.size();
        }
    }
}
