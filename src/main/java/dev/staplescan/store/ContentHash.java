package dev.staplescan.store;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The SHA-256 of a stored blob's bytes: its unique key in {@code ss_blob}. Two equal contents have
 * one hash, so a certificate served by a million endpoints is stored once. A class rather than a
 * record: a record's array component would compare by identity.
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

    /** A hash read back from the database; refuses anything but 32 bytes. */
    static ContentHash fromBytes(byte[] stored) {
        if (stored == null || stored.length != LENGTH) {
            throw new IllegalStateException("Stored blob hash is corrupt: "
                    + (stored == null ? "missing" : stored.length + " bytes, not " + LENGTH));
        }
        return new ContentHash(stored.clone());
    }

    /** The 32 hash bytes, as stored in {@code ss_blob.hash}. */
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
