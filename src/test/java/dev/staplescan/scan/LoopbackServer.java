package dev.staplescan.scan;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP or TLS listener on a loopback address whose connections each get a scripted behaviour, for
 * the scanner's integration tests. JDK only; the product's real test fleet is the lab package.
 * Closing it closes the listener and every accepted connection, so blocked handlers end.
 */
final class LoopbackServer implements AutoCloseable {

    /** What the server does with one accepted connection. */
    @FunctionalInterface
    interface Behaviour {
        void serve(Socket connection) throws IOException, InterruptedException;
    }

    private final ServerSocket listener;
    private final Behaviour behaviour;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();

    private LoopbackServer(ServerSocket listener, Behaviour behaviour) {
        this.listener = listener;
        this.behaviour = behaviour;
        Thread.ofVirtual().name("loopback-acceptor").start(this::acceptLoop);
    }

    /** Plain TCP on {@code bind}, any free port. */
    static LoopbackServer tcp(InetAddress bind, Behaviour behaviour) throws IOException {
        return new LoopbackServer(new ServerSocket(0, 50, bind), behaviour);
    }

    /** Takes over an already bound listener (a TLS one, or one on a chosen port). */
    static LoopbackServer on(ServerSocket listener, Behaviour behaviour) {
        return new LoopbackServer(listener, behaviour);
    }

    int port() {
        return listener.getLocalPort();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            Socket s;
            try {
                s = listener.accept();
            } catch (IOException closed) {
                return; // close() was called
            }
            open.add(s);
            Thread.ofVirtual().start(() -> {
                try (s) {
                    behaviour.serve(s);
                } catch (IOException | InterruptedException clientWentAway) {
                    // The scanner closes, times out or aborts; that is what these tests provoke.
                } finally {
                    open.remove(s);
                }
            });
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket s : open) {
            s.close();
        }
    }

    // ---- behaviours ----

    /** Reads the ClientHello, answers like a web server spoken to in TLS, and waits for the client to leave. */
    static void httpBadRequest(Socket s) throws IOException {
        InputStream in = s.getInputStream();
        in.read(new byte[4096]); // the ClientHello; replying before reading could reset the connection
        OutputStream out = s.getOutputStream();
        out.write("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        drain(in);
    }

    /** Accepts and never answers: reads until the client gives up. */
    static void silent(Socket s) throws IOException {
        drain(s.getInputStream());
    }

    /**
     * Sends a TLS record header announcing 16 KiB, then one byte every 100 ms for 20 s: no single read
     * ever times out. Bounded so that a scanner without a hard deadline fails the test instead of hanging it.
     */
    static void drip(Socket s) throws IOException, InterruptedException {
        s.getInputStream().read(new byte[4096]);
        OutputStream out = s.getOutputStream();
        out.write(new byte[] {0x16, 0x03, 0x03, 0x40, 0x00});
        out.flush();
        for (int i = 0; i < 200; i++) {
            Thread.sleep(100);
            out.write(0x02);
            out.flush();
        }
    }

    /** Reads the ClientHello and hangs up without a word: a genuine remote close. */
    static void hangUp(Socket s) throws IOException {
        s.getInputStream().read(new byte[4096]);
    }

    private static void drain(InputStream in) throws IOException {
        byte[] buf = new byte[4096];
        while (in.read(buf) >= 0) {
            // discard until EOF
        }
    }
}
