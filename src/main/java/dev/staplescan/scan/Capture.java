package dev.staplescan.scan;

import java.util.List;

/**
 * What the trust manager saw during one handshake: the chain and the staple. Written by the TLS
 * callback on the connection's event loop, read by the thread waiting for the handshake afterwards,
 * also when the handshake failed later (partial results are kept); volatile makes the writes visible.
 */
final class Capture {

    private volatile List<byte[]> chain = List.of();
    private volatile byte[] staple;

    void record(List<byte[]> chainDer, byte[] stapleDer) {
        this.chain = List.copyOf(chainDer);
        this.staple = stapleDer;
    }

    /** Leaf first, DER; empty when the trust manager was not reached. */
    List<byte[]> chain() {
        return chain;
    }

    /** The leaf's staple; {@code null} when none was sent (or the trust manager was not reached). */
    byte[] staple() {
        return staple;
    }
}
