package dev.staplescan.store;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A list of blob ids as one column ({@code ss_handshake.chain_refs}): each id as 8 bytes, big-endian,
 * in order (the leaf's first), which is what {@code CAST(id AS BINARY(8))} (H2) and {@code
 * int8send(id)} (PostgreSQL) give in migration V7.
 */
final class BlobIds {

    private BlobIds() {}

    /** The ids packed; {@code null} for an empty list (no chain received). */
    static byte[] pack(List<Long> ids) {
        if (ids.isEmpty()) {
            return null;
        }
        ByteBuffer packed = ByteBuffer.allocate(ids.size() * Long.BYTES);
        ids.forEach(packed::putLong);
        return packed.array();
    }

    /** The ids {@link #pack} stored; empty for {@code null}. */
    static List<Long> unpack(byte[] packed) {
        List<Long> ids = new ArrayList<>();
        if (packed == null) {
            return ids;
        }
        if (packed.length % Long.BYTES != 0) {
            throw new IllegalStateException(
                    "Stored blob ids are corrupt: " + packed.length + " bytes, not a multiple of " + Long.BYTES);
        }
        ByteBuffer in = ByteBuffer.wrap(packed);
        while (in.hasRemaining()) {
            ids.add(in.getLong());
        }
        return ids;
    }
}
