package dev.staplescan.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The chain column's format: what migration V7 writes with CAST(id AS BINARY(8)) / int8send(id). */
class BlobIdsTest {

    @Test
    void idsPackAsEightBigEndianBytesEachAndUnpackInOrder() {
        byte[] packed = BlobIds.pack(List.of(258L, 1L, Long.MAX_VALUE));

        assertArrayEquals(
                HexFormat.of().parseHex("0000000000000102" + "0000000000000001" + "7fffffffffffffff"), packed);
        assertEquals(List.of(258L, 1L, Long.MAX_VALUE), BlobIds.unpack(packed));
    }

    @Test
    void noChainIsNullAndACutColumnIsReported() {
        assertNull(BlobIds.pack(List.of()));
        assertTrue(BlobIds.unpack(null).isEmpty());
        assertThrows(IllegalStateException.class, () -> BlobIds.unpack(new byte[12]));
    }
}
