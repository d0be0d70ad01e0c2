package dev.staplescan.scan;

import dev.staplescan.input.Target;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One TLS handshake that asks for a staple, under exactly one TLS version, to one address. Owns its
 * sockets for the duration of the attempt and always closes them. Thread-safe: all state is shared
 * read-only or per call.
 */
final class TlsProbe {

    private final SSLSocketFactory factory;
    private final CapturingTrustManager trustManager;
    private final Watchdog watchdog;
    private final ScanOptions options;
    /** Makes every attempt's session-cache key unique; see {@link #sessionKey}. */
    private final AtomicLong attempts = new AtomicLong();

    TlsProbe(SSLSocketFactory factory, CapturingTrustManager trustManager, Watchdog watchdog, ScanOptions options) {
        this.factory = factory;
        this.trustManager = trustManager;
        this.watchdog = watchdog;
        this.options = options;
    }

    /** Connects and handshakes; every failure comes back as a {@link Handshake} with its outcome. */
    @SuppressWarnings("try") // the resource only closes the socket, whatever path the attempt takes
    Handshake run(int sequence, InetAddress address, Target target, TlsVersion version, Deadline budget) {
        Attempt a = new Attempt(sequence, address.getHostAddress(), version);
        Socket raw = new Socket();
        try (Quietly closeRaw = new Quietly(raw)) {
            long start = System.nanoTime();
            try {
                raw.connect(new InetSocketAddress(address, target.port()), budget.clip(options.connectTimeout()));
            } catch (IOException refusedOrSilent) {
                return a.failed(ErrorMapper.map(ErrorMapper.Step.CONNECT, refusedOrSilent, false), -1, -1, null);
            }
            return handshake(a, raw, target, Deadline.millisSince(start), budget);
        }
    }

    @SuppressWarnings("try") // the resources only close the socket and the timer, whatever path the attempt takes
    private Handshake handshake(Attempt a, Socket raw, Target target, long connectMillis, Deadline budget) {
        int timeout = budget.clip(options.handshakeTimeout());
        Capture capture = new Capture();
        long start = System.nanoTime();
        // Declared before the SSLSocket so that it is closed after it: the polite close_notify is covered too.
        try (Watchdog.Armed timer = watchdog.arm(raw, timeout)) {
            SSLSocket ssl;
            try {
                raw.setSoTimeout(timeout); // per read; the watchdog bounds the whole handshake
                ssl = (SSLSocket) factory.createSocket(raw, sessionKey(a.address()), target.port(), true);
            } catch (IOException closedUnderUs) {
                // The server hung up right after accepting, or the watchdog already fired.
                return a.failed(
                        ErrorMapper.map(ErrorMapper.Step.HANDSHAKE, closedUnderUs, timer.hasFired()),
                        connectMillis,
                        Deadline.millisSince(start),
                        capture);
            }
            try (Quietly closeSsl = new Quietly(ssl)) {
                ssl.setSSLParameters(parameters(ssl, a.requested(), target.sni()));
                trustManager.register(ssl, capture);
                try {
                    ssl.startHandshake();
                    SSLSession session = ssl.getSession();
                    // Each attempt has its own cache key, so nothing will resume this; drop it to keep memory flat.
                    session.invalidate();
                    return new Handshake(
                            a.sequence(),
                            a.address(),
                            a.requested(),
                            Outcome.OK,
                            session.getProtocol(),
                            session.getCipherSuite(),
                            capture.chain(),
                            capture.staple(),
                            connectMillis,
                            Deadline.millisSince(start),
                            null);
                } catch (IOException failed) {
                    return a.failed(
                            ErrorMapper.map(ErrorMapper.Step.HANDSHAKE, failed, timer.hasFired()),
                            connectMillis,
                            Deadline.millisSince(start),
                            capture);
                } finally {
                    trustManager.unregister(ssl);
                }
            }
        }
    }

    /**
     * Exactly one protocol; SNI exactly as the target says (none for IP-only targets, overriding the
     * JDK's habit of deriving it from the peer host); no endpoint identification, names are judged in
     * assessment.
     */
    private static SSLParameters parameters(SSLSocket ssl, TlsVersion version, String sni) {
        SSLParameters p = ssl.getSSLParameters();
        p.setProtocols(new String[] {version.jsseName()});
        p.setServerNames(sni == null ? List.of() : List.of(sniName(sni)));
        p.setEndpointIdentificationAlgorithm(null);
        return p;
    }

    private static SNIServerName sniName(String sni) {
        try {
            return new SNIHostName(sni);
        } catch (IllegalArgumentException notStd3) {
            // Real servers answer to names the strict STD3 rules reject (underscores); send the bytes as given.
            return new SNIHostName(sni.getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * The peer host handed to JSSE, which keys its client session cache by {@code host:port}. A reused
     * session skips the Certificate message (no chain, no staple) and would fake a missing staple; an
     * abbreviated handshake could even borrow another virtual host's session on a shared address. A key
     * unique per attempt makes resumption impossible. The '#' makes it an invalid host name, so JSSE never
     * turns it into SNI (we set SNI explicitly anyway).
     */
    private String sessionKey(String address) {
        return address + "#" + attempts.incrementAndGet();
    }

    /** The fixed facts of one attempt, to build its Handshake record on any path. */
    private record Attempt(int sequence, String address, TlsVersion requested) {

        Handshake failed(ErrorMapper.Mapped m, long connectMillis, long handshakeMillis, Capture partial) {
            return new Handshake(
                    sequence,
                    address,
                    requested,
                    m.outcome(),
                    null,
                    null,
                    partial == null ? List.of() : partial.chain(),
                    partial == null ? null : partial.staple(),
                    connectMillis,
                    handshakeMillis,
                    m.detail());
        }
    }

    /** Closes a socket at the end of a try block without letting a close failure replace the result. */
    private record Quietly(Socket socket) implements AutoCloseable {
        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException peerGone) {
                // The peer reset or the watchdog closed it first; the descriptor is released either way.
            }
        }
    }
}
