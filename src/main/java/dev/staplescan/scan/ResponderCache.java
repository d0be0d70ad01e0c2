package dev.staplescan.scan;

import dev.staplescan.cache.OnceCache;
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
    record Key(String issuerKeyHash, String serial, String url) {}

    private final OnceCache<Key, ResponderAnswer> answers;

    ResponderCache(int capacity) {
        this.answers = new OnceCache<>(capacity);
    }

    /** The cached answer for the key, or the one {@code query} returns (run by exactly one caller). */
    ResponderAnswer get(Key key, Supplier<ResponderAnswer> query) {
        return answers.get(key, k -> query.get());
    }

    /** How many queries were started (cache misses), for tests and benchmarks. */
    long queries() {
        return answers.computations();
    }

    int size() {
        return answers.size();
    }
}
