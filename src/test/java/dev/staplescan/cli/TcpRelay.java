package dev.staplescan.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A loopback TCP relay whose destination can be switched between scans: the endpoint key a scan sees
 * (this relay's address and port, and the SNI of the host list) stays the same while the server
 * behind it changes, as when an operator reconfigures a server between two audits.
 */
final class TcpRelay implements AutoCloseable {

    private final ServerSocket server;
    private final AtomicReference<InetSocketAddress> target;

    TcpRelay(InetSocketAddress initialTarget) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.target = new AtomicReference<>(initialTarget);
        Thread.ofVirtual().name("relay-accept").start(this::acceptLoop);
    }

    String host() {
        return server.getInetAddress().getHostAddress();
    }

    int port() {
        return server.getLocalPort();
    }

    /** New connections go to {@code next}; connections already relayed are not affected. */
    void pointTo(InetSocketAddress next) {
        target.set(next);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Thread.ofVirtual().start(() -> relay(client));
            } catch (IOException e) {
                // closed by close(): the loop ends
                return;
            }
        }
    }

    private void relay(Socket client) {
        try (client;
                Socket upstream = new Socket()) {
            upstream.connect(target.get(), 2_000);
            Thread back = Thread.ofVirtual().start(() -> pipe(upstream, client));
            pipe(client, upstream);
            back.join();
        } catch (IOException e) {
            // the upstream refused or a side reset: the client sees its connection close, as it would directly
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Copies one direction until end of stream, then half-closes the other side so TLS close_notify flows. */
    private static void pipe(Socket from, Socket to) {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            in.transferTo(out);
            to.shutdownOutput();
        } catch (IOException e) {
            // one side went away: the other copy ends on its own
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
