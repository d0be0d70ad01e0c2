package dev.staplescan.scan;

import java.util.List;

/**
 * What the trust manager saw during one handshake: the chain and the staple. Written by the JSSE
 * callback, read by the handshake's owner afterwards, also when the handshake failed later (partial
 * results are kept). Both happen on the scanning thread; volatile keeps that true if JSSE ever moves
 * the callback.
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
