package dev.staplescan.cache;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A bounded least-recently-used cache that computes each value once, even when many threads ask for
 * the same key at the same time: a certificate shared by 1,000 hosts scanned in parallel is
 * validated once, its responder asked once (SPEC §10). The computation runs outside the lock;
 * latecomers wait for it. A computation that throws is not cached: its waiters see the exception,
 * except when it was cancelled (the computing thread was stopped), in which case they compute
 * again themselves.
 */
public final class OnceCache<K, V> {

    private final int capacity;
    private final Map<K, CompletableFuture<V>> entries;
    private final AtomicLong computations = new AtomicLong();

    public OnceCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("cache capacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<K, CompletableFuture<V>> eldest) {
                return size() > OnceCache.this.capacity;
            }
        };
    }

    /** The cached value for {@code key}, or the one {@code compute} returns (run by exactly one caller). */
    public V get(K key, Function<K, V> compute) {
        while (true) {
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
                return compute(key, future, compute);
            }
            try {
                return future.join();
            } catch (CancellationException | CompletionException e) {
                if (e instanceof CancellationException || e.getCause() instanceof CancellationException) {
                    continue; // the computing thread was stopped, not the computation refused: try again
                }
                throw e.getCause() instanceof RuntimeException re ? re : e;
            }
        }
    }

    private V compute(K key, CompletableFuture<V> future, Function<K, V> compute) {
        computations.incrementAndGet();
        try {
            V value = compute.apply(key);
            future.complete(value);
            return value;
        } catch (RuntimeException | Error e) {
            // A defect or an interruption: not kept, so the next caller computes afresh.
            synchronized (entries) {
                entries.remove(key, future);
            }
            future.completeExceptionally(e);
            throw e;
        }
    }

    /** How many values were computed (misses), for tests and benchmarks. */
    public long computations() {
        return computations.get();
    }

    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }
}
