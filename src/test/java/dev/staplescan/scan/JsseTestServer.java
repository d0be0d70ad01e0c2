package dev.staplescan.scan;

import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * A JSSE TLS server on loopback presenting a self-signed certificate under the given protocols, and
 * recording the SNI each client sent. It does not staple (the JDK server staples only with a responder).
 */
// Binds and connects to literal loopback addresses: no name is resolved, one address is the point.
@SuppressWarnings("AddressSelection")
final class JsseTestServer implements AutoCloseable {

    private final LoopbackServer server;
    private final ConcurrentLinkedQueue<List<SNIServerName>> requestedNames = new ConcurrentLinkedQueue<>();

    JsseTestServer(TestCerts certs, InetAddress bind, int port, String... protocols) throws IOException {
        SSLServerSocket listener = (SSLServerSocket) certs.serverContext()
                .getServerSocketFactory()
                .createServerSocket(port, 1_000, bind); // deep backlog: the concurrency IT connects in bursts
        listener.setEnabledProtocols(protocols);
        server = LoopbackServer.on(listener, s -> {
            SSLSocket tls = (SSLSocket) s;
            tls.startHandshake();
            requestedNames.add(((ExtendedSSLSession) tls.getSession()).getRequestedServerNames());
        });
    }

    JsseTestServer(TestCerts certs, String... protocols) throws IOException {
        this(certs, InetAddress.getByName("127.0.0.1"), 0, protocols);
    }

    int port() {
        return server.port();
    }

    /**
     * The SNI of each completed handshake, in order; an empty list for a client that sent none.
     * Waits (up to 5 s) until {@code expected} handshakes are recorded: the client can finish a TLS 1.3
     * handshake and return before the server's thread has recorded it (seen under load).
     */
    List<List<SNIServerName>> requestedNames(int expected) throws InterruptedException {
        long end = System.nanoTime() + 5_000_000_000L;
        while (requestedNames.size() < expected && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        return List.copyOf(requestedNames);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
