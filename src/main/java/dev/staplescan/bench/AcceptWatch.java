package dev.staplescan.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Watches nginx's connection counter ({@code stub_status}: "accepts") from a thread that polls it
 * every {@link #POLL_MILLIS} ms over one keep-alive HTTP connection, and notes when the first
 * connection of someone else arrives. That is how the benchmark measures command start to first
 * handshake from the server's side, without relying on the scanner's own clock or logs. The
 * watcher's own connections are counted and subtracted, so a reconnect never looks like a client.
 * The resolution is the poll interval plus one status request (a few ms).
 */
final class AcceptWatch implements AutoCloseable {

    static final int POLL_MILLIS = 2;
    private static final Pattern ACCEPTS = Pattern.compile("server accepts handled requests\\s+(\\d+)\\s");

    private final InetSocketAddress status;
    private final Thread thread;
    private final long baseline;
    private volatile long firstNanos = -1;
    private volatile long latest;
    private volatile boolean stop;
    private Socket socket;
    private InputStream in;
    private long ownConnections;

    private AcceptWatch(InetSocketAddress status) throws IOException {
        this.status = status;
        this.baseline = othersAccepted();
        this.latest = baseline;
        this.thread = Thread.ofPlatform().daemon().name("nginx-accept-watch").unstarted(this::poll);
    }

    /** Starts watching: connections accepted from now on count. */
    static AcceptWatch start(InetSocketAddress status) throws IOException {
        AcceptWatch watch = new AcceptWatch(status);
        watch.thread.start();
        return watch;
    }

    /** {@link System#nanoTime()} of the poll that first saw another connection; -1 if none yet. */
    long firstAcceptNanos() {
        return firstNanos;
    }

    /** Connections nginx accepted from others since the start, as of the last poll. */
    long acceptedSinceStart() {
        return latest - baseline;
    }

    /** Stops polling after one last reading, so {@link #acceptedSinceStart()} is current. */
    @Override
    public void close() throws IOException {
        stop = true;
        try {
            thread.join();
        } catch (InterruptedException e) {
            // Asked to stop while waiting for the poller (a daemon thread): read the counter anyway.
            Thread.currentThread().interrupt();
        }
        latest = othersAccepted();
        if (socket != null) {
            socket.close();
        }
    }

    /** Whether stub_status answers at {@code status} (one request on a connection of its own). */
    static boolean answers(InetSocketAddress status) {
        try (Socket s = new Socket()) {
            s.connect(status, 1_000);
            s.setSoTimeout(2_000);
            s.getOutputStream()
                    .write("GET /status HTTP/1.1\r\nHost: status\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            return ACCEPTS.matcher(readResponse(new BufferedInputStream(s.getInputStream())))
                    .find();
        } catch (IOException e) {
            // Not listening yet, or not nginx's stub_status.
            return false;
        }
    }

    private void poll() {
        while (!stop) {
            try {
                long now = othersAccepted();
                latest = now;
                if (firstNanos < 0 && now > baseline) {
                    firstNanos = System.nanoTime();
                }
                Thread.sleep(POLL_MILLIS);
            } catch (IOException e) {
                // nginx closed the keep-alive connection (or is stopping): reconnect on the next poll.
                closeQuietly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** nginx's accepted-connections counter minus the connections this watcher opened itself. */
    private synchronized long othersAccepted() throws IOException {
        if (socket == null || socket.isClosed()) {
            socket = new Socket();
            socket.connect(status, 2_000);
            socket.setSoTimeout(2_000);
            socket.setTcpNoDelay(true);
            in = new BufferedInputStream(socket.getInputStream());
            ownConnections++;
        }
        OutputStream out = socket.getOutputStream();
        out.write(("GET /status HTTP/1.1\r\nHost: " + status.getHostString() + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String body = readResponse(in);
        Matcher m = ACCEPTS.matcher(body);
        if (!m.find()) {
            throw new IOException("unexpected stub_status answer: " + body);
        }
        return Long.parseLong(m.group(1)) - ownConnections;
    }

    /** Reads one HTTP/1.1 response with a Content-Length (stub_status always sends one) and returns its body. */
    private static String readResponse(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("nginx closed the status connection");
            }
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String headers = head.toString(StandardCharsets.US_ASCII).toLowerCase(Locale.ROOT);
        Matcher length = Pattern.compile("content-length:\\s*(\\d+)").matcher(headers);
        if (!length.find()) {
            throw new IOException("stub_status answer without Content-Length");
        }
        byte[] body = in.readNBytes(Integer.parseInt(length.group(1)));
        return new String(body, StandardCharsets.US_ASCII);
    }

    private synchronized void closeQuietly() {
        try {
            if (socket != null) {
                socket.close();
            }
        } catch (IOException e) {
            // Closing a connection nginx already dropped: nothing to do.
        }
    }
}
