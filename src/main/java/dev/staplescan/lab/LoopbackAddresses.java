package dev.staplescan.lab;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;

/**
 * Hands out distinct loopback addresses 127.X.Y.n for one fleet. X.Y are random per fleet so two
 * fleets on one machine rarely share addresses; even when they do, every endpoint binds an ephemeral
 * port, so they never collide. Linux routes all of 127.0.0.0/8 to lo, so any of these binds without
 * setup (macOS would need aliases). Not thread-safe: one fleet allocates from one thread. Public for
 * the benchmark, whose nginx listens on addresses drawn the same way.
 */
public final class LoopbackAddresses {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** The low 24 bits of the next address. */
    private int next;

    public LoopbackAddresses() {
        // X in 16..239 keeps clear of 127.0.0.x (127.0.0.1 and friends, used by everything) and
        // leaves room above for a fleet of ~4 million endpoints.
        int x = 16 + RANDOM.nextInt(224);
        int y = RANDOM.nextInt(256);
        next = (x << 16) | (y << 8) | 1;
    }

    /** The next address of this fleet's block. */
    public InetAddress next() {
        int host = next++;
        // Skip .0 and .255: valid on lo, but confusing in tables and refused by some tools.
        while ((host & 0xff) == 0 || (host & 0xff) == 0xff) {
            host = next++;
        }
        if (host > 0xffffff) {
            throw new IllegalStateException("loopback range exhausted");
        }
        byte[] octets = {127, (byte) (host >>> 16), (byte) (host >>> 8), (byte) host};
        try {
            return InetAddress.getByAddress(octets);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four octets are always a valid address", e);
        }
    }
}
