package dev.staplescan.store;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The SHA-256 of a stored blob's bytes: its key in {@code ss_blob} and the reference that handshake
 * and responder-answer rows hold instead of the bytes. Two equal contents have one hash, so a
 * certificate served by a million endpoints is stored once. A class rather than a record: a
 * record's array component would compare by identity.
 */
final class ContentHash implements Comparable<ContentHash> {

    /** Bytes in a SHA-256 hash. */
    static final int LENGTH = 32;

    private final byte[] hash;

    private ContentHash(byte[] hash) {
        this.hash = hash;
    }

    /** The hash of {@code content}. */
    static ContentHash of(byte[] content) {
        try {
            return new ContentHash(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256 (Java SE MessageDigest list)", e);
        }
    }

    /** A hash read back from the database; refuses anything but 32 bytes (a corrupt reference). */
    static ContentHash fromBytes(byte[] stored) {
        if (stored == null || stored.length != LENGTH) {
            throw new IllegalStateException("Stored blob reference is corrupt: "
                    + (stored == null ? "missing" : stored.length + " bytes, not " + LENGTH));
        }
        return new ContentHash(stored.clone());
    }

    /**
     * A list of references as one column ({@code ss_handshake.chain_refs}): the hashes concatenated,
     * in order; {@code null} for an empty list.
     */
    static byte[] join(List<ContentHash> hashes) {
        if (hashes.isEmpty()) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(hashes.size() * LENGTH);
        hashes.forEach(h -> out.writeBytes(h.hash));
        return out.toByteArray();
    }

    /** The list {@link #join} stored; empty for {@code null}. */
    static List<ContentHash> split(byte[] joined) {
        List<ContentHash> hashes = new ArrayList<>();
        if (joined == null) {
            return hashes;
        }
        if (joined.length % LENGTH != 0) {
            throw new IllegalStateException(
                    "Stored blob references are corrupt: " + joined.length + " bytes, not a multiple of " + LENGTH);
        }
        for (int i = 0; i < joined.length; i += LENGTH) {
            hashes.add(new ContentHash(Arrays.copyOfRange(joined, i, i + LENGTH)));
        }
        return hashes;
    }

    /** The 32 hash bytes, as stored in a reference column. */
    byte[] bytes() {
        return hash.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ContentHash other && Arrays.equals(hash, other.hash);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(hash);
    }

    /** Unsigned byte order: the order in which writers and the pruner lock blob rows (no deadlock). */
    @Override
    public int compareTo(ContentHash o) {
        return Arrays.compareUnsigned(hash, o.hash);
    }

    @Override
    public String toString() {
        return HexFormat.of().formatHex(hash);
    }
}
