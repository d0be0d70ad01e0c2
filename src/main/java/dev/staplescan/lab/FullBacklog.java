package dev.staplescan.lab;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A listening socket whose connects time out, on loopback: it listens with a backlog of 1 and never
 * accepts, and the lab connects to it itself until its accept queue is full. Linux then drops every
 * further SYN (net.ipv4.tcp_abort_on_overflow = 0, the default), so a client's connect hears nothing
 * and ends at its own connect timeout, exactly as against a firewall that drops packets. No raw
 * sockets or root needed. With tcp_abort_on_overflow = 1 the kernel answers RST instead, and the
 * scenario shows CONNECT_REFUSED. {@link #close()} closes the listener and the filler connections.
 */
final class FullBacklog implements AutoCloseable {

    /** The smallest backlog; Linux queues up to backlog + 1 connections before it drops SYNs. */
    private static final int BACKLOG = 1;
    /**
     * A filler connect on loopback is answered by the kernel within microseconds, or never: this
     * long without an answer proves the queue is full.
     */
    private static final Duration FILL_PROBE = Duration.ofMillis(100);
    /** Far above what Linux queues for backlog 1 (two): a bound, not an expectation. */
    private static final int MAX_FILLERS = 16;

    private final ServerSocket listener;
    private final List<Socket> fillers;

    private FullBacklog(ServerSocket listener, List<Socket> fillers) {
        this.listener = listener;
        this.fillers = fillers;
    }

    /**
     * Binds an ephemeral port on {@code address} and fills its accept queue. On a kernel that
     * refuses instead of dropping, filling stops at the first refusal and the endpoint refuses
     * (the demo's MATCH column then says so); nothing here fails the fleet.
     */
    static FullBacklog start(InetAddress address) {
        ServerSocket listener;
        try {
            listener = new ServerSocket(0, BACKLOG, address);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind lab endpoint on " + address.getHostAddress(), e);
        }
        List<Socket> fillers = new ArrayList<>();
        InetSocketAddress target = new InetSocketAddress(address, listener.getLocalPort());
        for (int i = 0; i < MAX_FILLERS; i++) {
            Socket filler = new Socket();
            try {
                filler.connect(target, (int) FILL_PROBE.toMillis());
                fillers.add(filler);
            } catch (SocketTimeoutException full) {
                // The SYN was dropped: the queue is full, the state we want.
                closeQuietly(filler);
                break;
            } catch (IOException refused) {
                // RST on overflow (tcp_abort_on_overflow = 1): this kernel cannot drop SYNs for us.
                closeQuietly(filler);
                break;
            }
        }
        return new FullBacklog(listener, fillers);
    }

    /** The loopback address literal it listens on. */
    String address() {
        return listener.getInetAddress().getHostAddress();
    }

    int port() {
        return listener.getLocalPort();
    }

    @Override
    public void close() {
        for (Socket filler : fillers) {
            closeQuietly(filler);
        }
        closeQuietly(listener);
    }

    private static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            // Closing a socket can only fail if it is already broken; it is gone either way.
        }
    }
}
