package dev.staplescan.ocsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SignatureCacheTest {

    @Test
    void verifiesOncePerSignedObjectAndVerifier() {
        // given
        SignatureCache cache = new SignatureCache(10);
        AtomicInteger runs = new AtomicInteger();
        // when the same pair is asked three times, and another pair once
        for (int i = 0; i < 3; i++) {
            assertTrue(cache.verified(new byte[] {1}, new byte[] {2}, () -> runs.incrementAndGet() > 0));
        }
        assertFalse(cache.verified(new byte[] {1}, new byte[] {3}, () -> runs.incrementAndGet() < 0));
        // then
        assertEquals(2, runs.get());
    }

    @Test
    void noneAndEvictionVerifyAgain() {
        AtomicInteger runs = new AtomicInteger();
        for (int i = 0; i < 2; i++) {
            SignatureCache.NONE.verified(new byte[] {1}, new byte[] {2}, () -> runs.incrementAndGet() > 0);
        }
        assertEquals(2, runs.get());
        // given room for one result, two alternating keys evict each other
        SignatureCache one = new SignatureCache(1);
        for (int i = 0; i < 4; i++) {
            one.verified(new byte[] {(byte) (i % 2)}, new byte[] {9}, () -> runs.incrementAndGet() > 0);
        }
        assertEquals(6, runs.get());
    }
}
