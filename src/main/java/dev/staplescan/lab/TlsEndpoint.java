package dev.staplescan.lab;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.tls.TlsServerProtocol;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCrypto;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCryptoProvider;

/**
 * One lab endpoint: a server socket on a loopback address, an accept loop and one virtual thread
 * per connection, behaving as its {@link EndpointSetup} says. TLS is BouncyCastle's low-level
 * {@link TlsServerProtocol} (not JSSE, not BCJSSE) because only it lets us staple arbitrary bytes
 * under both TLS versions. {@link #close()} closes the listening socket and every open connection.
 */
public final class TlsEndpoint implements AutoCloseable {

    /** One crypto for all endpoints; BC's JCA crypto is stateless apart from its SecureRandom. */
    private static final JcaTlsCrypto CRYPTO = new JcaTlsCryptoProvider().create(new SecureRandom());
    /** Room for bursts of thousands of connects; the kernel caps it at net.core.somaxconn. */
    private static final int BACKLOG = 4096;
    /** A client idle this long is dropped, so a long-running lab does not collect dead sockets. */
    private static final int IDLE_MILLIS = (int) Duration.ofMinutes(2).toMillis();

    @SuppressWarnings("StringConcatToTextBlock") // CRLF line ends read better as escapes than in a text block
    private static final byte[] HTTP_BANNER = ("HTTP/1.1 400 Bad Request\r\nServer: staplescan-lab\r\n"
                    + "Content-Type: text/plain\r\nContent-Length: 29\r\nConnection: close\r\n\r\n"
                    + "This port speaks plain HTTP.\n")
            .getBytes(StandardCharsets.US_ASCII);
    /**
     * A TLS record (RFC 8446 section 5.1, legacy version 3,3) holding a fatal (2) handshake_failure
     * (40) alert: what a server sends when it shares no cipher suite with the client.
     */
    private static final byte[] HANDSHAKE_FAILURE_ALERT = {0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x28};

    private final ServerSocket listener;
    private final EndpointSetup setup;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong connections = new AtomicLong();
    private final Thread acceptor;
    private volatile boolean closed;

    private TlsEndpoint(ServerSocket listener, EndpointSetup setup) {
        this.listener = listener;
        this.setup = setup;
        this.acceptor = Thread.ofVirtual()
                .name("lab-accept-" + address() + ":" + port())
                .unstarted(this::acceptLoop);
    }

    /** Binds {@code address:port} ({@code port} 0 = ephemeral) and starts accepting. */
    public static TlsEndpoint start(InetAddress address, int port, EndpointSetup setup) {
        if (setup.mode() == EndpointSetup.Mode.FULL_BACKLOG || setup.mode() == EndpointSetup.Mode.UNRESOLVABLE) {
            throw new IllegalArgumentException(setup.mode() + " is not served by a TlsEndpoint");
        }
        try {
            ServerSocket listener = new ServerSocket(port, BACKLOG, address);
            TlsEndpoint endpoint = new TlsEndpoint(listener, setup);
            endpoint.acceptor.start();
            return endpoint;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind lab endpoint on " + address.getHostAddress() + ":" + port, e);
        }
    }

    /** The loopback address literal the endpoint listens on. */
    public String address() {
        return listener.getInetAddress().getHostAddress();
    }

    public int port() {
        return listener.getLocalPort();
    }

    public EndpointSetup setup() {
        return setup;
    }

    /** Connections accepted since start. */
    public long connections() {
        return connections.get();
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(listener);
        for (Socket socket : open) {
            closeQuietly(socket);
        }
        try {
            acceptor.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void acceptLoop() {
        while (!closed) {
            Socket socket;
            try {
                socket = listener.accept();
            } catch (IOException e) {
                // close() closed the listener (SocketException), or the accept queue hiccuped; stop
                // only in the first case.
                if (closed || listener.isClosed()) {
                    return;
                }
                continue;
            }
            long sequence = connections.getAndIncrement();
            open.add(socket);
            if (closed) {
                closeQuietly(socket);
            }
            Thread.ofVirtual().name("lab-conn-" + port()).start(() -> serve(socket, sequence));
        }
    }

    private void serve(Socket socket, long sequence) {
        try (socket) {
            switch (setup.mode()) {
                case TARPIT -> drain(socket.getInputStream());
                case NOT_TLS -> answerAndClose(socket, HTTP_BANNER);
                case ALERT -> answerAndClose(socket, HANDSHAKE_FAILURE_ALERT);
                case TLS -> handshake(socket, sequence);
                // start() refuses these: nothing accepts, or nothing resolves.
                case FULL_BACKLOG, UNRESOLVABLE -> throw new IllegalStateException(setup.mode() + " has no server");
            }
        } catch (IOException e) {
            // The peer reset, timed out or failed the handshake (a scanner offering a version we
            // refuse ends here too); each is normal for a test server and ends this connection only.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            open.remove(socket);
        }
    }

    private void handshake(Socket socket, long sequence) throws IOException, InterruptedException {
        socket.setSoTimeout(IDLE_MILLIS);
        socket.setTcpNoDelay(true);
        if (!setup.delay().isZero()) {
            Thread.sleep(setup.delay());
        }
        TlsServerProtocol protocol = new TlsServerProtocol(socket.getInputStream(), socket.getOutputStream());
        boolean staple = sequence >= setup.unstapledFirst();
        protocol.accept(new StaplingTlsServer(CRYPTO, setup.backendFor(sequence), staple));
        // Nothing to serve after the handshake: wait for the client to close.
        drain(protocol.getInputStream());
        protocol.close();
    }

    /** Reads the ClientHello, answers with {@code reply}, closes our side and waits for the client to close. */
    private static void answerAndClose(Socket socket, byte[] reply) throws IOException {
        socket.setSoTimeout(IDLE_MILLIS);
        InputStream in = socket.getInputStream();
        // Read the ClientHello first: closing with unread data would make the kernel send a RST,
        // and the client would see "connection reset" instead of our answer.
        int first = in.read(new byte[16 * 1024]);
        if (first < 0) {
            return;
        }
        OutputStream out = socket.getOutputStream();
        out.write(reply);
        out.flush();
        socket.shutdownOutput();
        drain(in);
    }

    private static void drain(InputStream in) throws IOException {
        byte[] buffer = new byte[4096];
        while (in.read(buffer) >= 0) {
            // discard
        }
    }

    private static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            // Closing a socket can only fail if it is already broken; it is gone either way.
        }
    }
}
