package dev.staplescan.scan;

import dev.staplescan.input.Target;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.ssl.ReferenceCountedOpenSslEngine;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;

/**
 * One TLS handshake that asks for a staple, under exactly one TLS version, to one address, on the
 * {@link TlsEngine}'s event loops. The calling (virtual) thread waits for the result; the connection
 * itself costs no thread. The channel is always closed when the attempt ends. Thread-safe: all state is
 * shared read-only or per call.
 *
 * <p>Deadlines: the connect timeout is the channel's own; the handshake deadline is a timer on the
 * channel's event loop that closes the channel, so a server that trickles one byte every few seconds
 * still ends at the deadline (SPEC §4.5). Netty's own 10 s handshake timeout is switched off.
 */
record TlsProbe(TlsEngine engine, CapturingTrustManager trustManager, ScanOptions options) {

    /**
     * Extra wait beyond the endpoint's budget before the caller gives up on an attempt whose channel
     * never reported back. It never happens unless Netty loses an event; it keeps a lost event from
     * hanging a partition.
     */
    private static final long LOST_EVENT_GRACE_MILLIS = 5_000;

    /**
     * Last in every pipeline: takes the exception the TLS handler passes on after a failed handshake.
     * The handshake's future has already reported it as the attempt's outcome; without this Netty logs
     * each one as "reached the tail of the pipeline", a warning per failing server.
     */
    private static final ChannelInboundHandlerAdapter QUIET_TAIL = new QuietTail();

    @ChannelHandler.Sharable
    private static final class QuietTail extends ChannelInboundHandlerAdapter {
        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            close(ctx.channel());
        }
    }

    /**
     * Connects and handshakes; every failure comes back as a {@link Handshake} with its outcome.
     *
     * @throws CancellationException when the calling thread is interrupted (the job is stopping); the
     *                               connection is closed and the interrupt flag stays set
     */
    Handshake run(int sequence, InetAddress address, Target target, TlsVersion version, Deadline budget) {
        Attempt a = new Attempt(sequence, address.getHostAddress(), version, target.sni(), new Capture());
        ChannelFuture connect = engine.bootstrap()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, budget.clip(options.connectTimeout()))
                .handler(QUIET_TAIL)
                .connect(new InetSocketAddress(address, target.port()));
        connect.addListener(f -> a.connected(connect, budget));
        try {
            return a.result.get(budget.remainingMillis() + LOST_EVENT_GRACE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException stopping) {
            close(connect.channel());
            Thread.currentThread().interrupt();
            throw new CancellationException("handshake with " + a.address + " interrupted");
        } catch (ExecutionException | TimeoutException lost) {
            close(connect.channel());
            throw new IllegalStateException("handshake with " + a.address + " never reported back", lost);
        }
    }

    /**
     * The state of one attempt. Written on the channel's event loop only (one thread per channel), read
     * by the waiting thread through {@link #result}'s happens-before.
     */
    private final class Attempt {
        final int sequence;
        final String address;
        final TlsVersion requested;
        final String sni;
        final Capture capture;
        final CompletableFuture<Handshake> result = new CompletableFuture<>();
        final AtomicBoolean timerFired = new AtomicBoolean();
        final long start = System.nanoTime();
        long connectMillis = -1;
        long handshakeStart;
        SSLEngine ssl;
        ScheduledFuture<?> timer;

        Attempt(int sequence, String address, TlsVersion requested, String sni, Capture capture) {
            this.sequence = sequence;
            this.address = address;
            this.requested = requested;
            this.sni = sni;
            this.capture = capture;
        }

        /**
         * Once connected: the TLS engine goes in front of the quiet tail and starts the handshake. Only
         * then: a refused or silent port (most of a large list on a bad night) never costs an engine.
         */
        void attach(Channel ch) {
            ssl = engine.context(requested).newEngine(ch.alloc());
            ssl.setSSLParameters(parameters(ssl, sni));
            trustManager.register(ssl, capture);
            SslHandler handler = new SslHandler(ssl);
            handler.setHandshakeTimeoutMillis(0); // our timer below bounds the handshake
            ch.pipeline().addFirst(handler);
            handler.handshakeFuture().addListener(f -> handshakeEnded(ch, f));
            ch.closeFuture().addListener(f -> trustManager.unregister(ssl));
        }

        void connected(ChannelFuture connect, Deadline budget) {
            Channel ch = connect.channel();
            if (!connect.isSuccess()) {
                Throwable cause = connect.cause();
                boolean timedOut = cause instanceof ConnectTimeoutException;
                finish(failed(ErrorMapper.map(ErrorMapper.Step.CONNECT, cause, timedOut), -1, -1));
                close(ch);
                return;
            }
            connectMillis = Deadline.millisSince(start);
            handshakeStart = System.nanoTime();
            timer = ch.eventLoop()
                    .schedule(
                            () -> {
                                timerFired.set(true);
                                close(ch);
                            },
                            budget.clip(options.handshakeTimeout()),
                            TimeUnit.MILLISECONDS);
            attach(ch);
        }

        void handshakeEnded(Channel ch, Future<? super Channel> f) {
            if (timer != null) {
                timer.cancel(false);
            }
            long handshakeMillis = connectMillis < 0 ? -1 : Deadline.millisSince(handshakeStart);
            if (f.isSuccess()) {
                SSLSession session = ssl.getSession();
                finish(new Handshake(
                        sequence,
                        address,
                        requested,
                        Outcome.OK,
                        session.getProtocol(),
                        session.getCipherSuite(),
                        capture.chain(),
                        staple(),
                        connectMillis,
                        handshakeMillis,
                        null));
            } else if (connectMillis >= 0) {
                // A failed connect also fails the handshake; connected() has already reported that one.
                finish(failed(
                        ErrorMapper.map(ErrorMapper.Step.HANDSHAKE, f.cause(), timerFired.get()),
                        connectMillis,
                        handshakeMillis));
            }
            close(ch);
        }

        /** The staple from the trust manager's look at the handshake, else (BoringSSL) from the engine. */
        private byte[] staple() {
            byte[] staple = capture.staple();
            if (staple == null && ssl instanceof ReferenceCountedOpenSslEngine openssl) {
                byte[] bytes = openssl.getOcspResponse();
                staple = bytes == null || bytes.length == 0 ? null : bytes.clone();
            }
            return staple;
        }

        Handshake failed(ErrorMapper.Mapped m, long connectMs, long handshakeMs) {
            return new Handshake(
                    sequence,
                    address,
                    requested,
                    m.outcome(),
                    null,
                    null,
                    capture.chain(),
                    capture.staple(),
                    connectMs,
                    handshakeMs,
                    m.detail());
        }

        void finish(Handshake h) {
            result.complete(h);
        }
    }

    /**
     * Closes the connection. Nothing waits for the close: the attempt's outcome is decided before, and
     * a close cannot fail in a way that changes it (the descriptor is released either way).
     */
    @SuppressWarnings("FutureReturnValueIgnored")
    private static void close(Channel ch) {
        ch.close();
    }

    /** SNI exactly as the target says (none for IP-only targets); names are judged in assessment. */
    private static SSLParameters parameters(SSLEngine ssl, String sni) {
        SSLParameters p = ssl.getSSLParameters();
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
}
