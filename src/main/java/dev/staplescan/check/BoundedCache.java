package dev.staplescan.check;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A least-recently-used cache that computes each value once even when many threads ask for the
 * same key at the same time (a certificate shared by 1,000 hosts scanned in parallel is validated
 * once, SPEC §10). The computation runs outside the lock; latecomers wait for it.
 */
final class BoundedCache<K, V> {

    private final int capacity;
    private final Map<K, CompletableFuture<V>> entries;
    private final AtomicLong computations = new AtomicLong();

    BoundedCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("cache capacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<K, CompletableFuture<V>> eldest) {
                return size() > BoundedCache.this.capacity;
            }
        };
    }

    V get(K key, Function<K, V> compute) {
        CompletableFuture<V> future;
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
            computations.incrementAndGet();
            try {
                V value = compute.apply(key);
                future.complete(value);
                return value;
            } catch (RuntimeException | Error e) {
                // A defect in the computation: do not cache it, let every waiter see it.
                synchronized (entries) {
                    entries.remove(key, future);
                }
                future.completeExceptionally(e);
                throw e;
            }
        }
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw e;
        }
    }

    /** How many values were computed (misses), for tests and benchmarks. */
    long computations() {
        return computations.get();
    }

    int size() {
        synchronized (entries) {
            return entries.size();
        }
    }
}
