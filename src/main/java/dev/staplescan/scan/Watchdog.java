package dev.staplescan.scan;

import java.io.IOException;
import java.net.Socket;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Hard deadline for a handshake. {@code setSoTimeout} bounds each read, not the handshake: a server
 * that sends one byte every few seconds would keep a worker forever (SPEC §4.5). The watchdog closes
 * the plain TCP socket under the TLS layer when the deadline passes, which makes the blocked read fail
 * at once. It closes the plain socket, not the SSLSocket, because SSLSocket.close() takes the locks the
 * handshaking thread holds and would wait for it.
 *
 * <p>One platform thread serves every handshake of the scanner: a timer is a heap entry, cancelled
 * entries are removed at once, so thousands in flight cost little.
 */
final class Watchdog implements AutoCloseable {

    private final ScheduledThreadPoolExecutor timer;

    Watchdog() {
        timer = new ScheduledThreadPoolExecutor(
                1, Thread.ofPlatform().name("staplescan-watchdog").daemon().factory());
        timer.setRemoveOnCancelPolicy(true); // keep the queue the size of the handshakes in flight
    }

    /** Closes {@code socket} after {@code millis} unless the returned timer is closed first. */
    Armed arm(Socket socket, long millis) {
        AtomicBoolean fired = new AtomicBoolean();
        ScheduledFuture<?> task = timer.schedule(
                () -> {
                    fired.set(true);
                    try {
                        socket.close();
                    } catch (IOException alreadyBroken) {
                        // The connection was already failing; closing it was all we wanted.
                    }
                },
                millis,
                TimeUnit.MILLISECONDS);
        return new Armed(task, fired);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    /**
     * A running timer. Closing it disarms it.
     *
     * @param task  the scheduled close
     * @param fired set when the deadline passed and the socket was closed
     */
    record Armed(ScheduledFuture<?> task, AtomicBoolean fired) implements AutoCloseable {

        /** True when the deadline passed; a failure after that is a timeout, whatever JSSE says. */
        boolean hasFired() {
            return fired.get();
        }

        @Override
        public void close() {
            task.cancel(false);
        }
    }
}
