package dev.staplescan.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What a writer remembers about stored blobs: per run, bounded, least recently used out. */
class KnownBlobsTest {

    private static ContentHash hash(String s) {
        return ContentHash.of(s.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void aBlobKnownForOneRunIsNotKnownForAnother() {
        KnownBlobs known = new KnownBlobs(10);
        known.add(1, hash("cert"), 7);

        assertEquals(7L, known.id(1, hash("cert")));
        // the other run has no reference to it yet, so its writer must store one
        assertNull(known.id(2, hash("cert")));
    }

    @Test
    void theLeastRecentlyUsedIsForgottenFirst() {
        KnownBlobs known = new KnownBlobs(2);
        known.add(1, hash("shared"), 1);
        known.add(1, hash("a"), 2);
        known.id(1, hash("shared")); // used again: now the most recent
        known.add(1, hash("b"), 3);

        assertEquals(2, known.size());
        assertEquals(1L, known.id(1, hash("shared")));
        assertNull(known.id(1, hash("a")));
    }
}
