package dev.staplescan.scan;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.IdentityCipherSuiteFilter;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.OpenSslSessionContext;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.util.ReferenceCountUtil;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TLS stack the scanner runs on: Netty event loops (native epoll where available) and one client
 * {@link SslContext} per TLS version, on BoringSSL ({@code netty-tcnative-boringssl-static}) or, where
 * the native library cannot load, on the JDK's TLS through the same code.
 *
 * <p>Why BoringSSL: a JFR profile of the JSSE scanner was dominated by pure-Java P-256 and X25519
 * arithmetic, and JSSE needs some 15,000 handshakes before the JIT makes it fast; BoringSSL does the
 * same handshake at about a third of the CPU from the first one (STACK-NOTES). It also hands back a
 * staple it cannot parse as bytes, under TLS 1.3 as under TLS 1.2, so a malformed staple is a fact for
 * {@code ocsp/} to judge rather than an aborted handshake.
 *
 * <p>Every context: exactly one protocol; every cipher suite the provider supports (a scanner must
 * reach old servers; nothing sent over these connections is secret); no host name verification (names
 * are judged in assessment); the OCSP status_request extension; no session cache, so no handshake ever
 * resumes (a resumed handshake carries neither chain nor staple).
 */
final class TlsEngine implements AutoCloseable {

    /**
     * System property that forces the JDK provider ({@code jdk}) or BoringSSL ({@code openssl}); the
     * default takes BoringSSL when it loads. For troubleshooting and for the tests of the fallback.
     */
    static final String PROVIDER_PROPERTY = "staplescan.tls.provider";

    private static final Logger log = LoggerFactory.getLogger(TlsEngine.class);
    /** The fallback notice is printed once per JVM, not once per run or per scanner. */
    private static final AtomicBoolean NOTICE_GIVEN = new AtomicBoolean();

    private final EventLoopGroup group;
    private final Class<? extends SocketChannel> channelType;
    private final Map<TlsVersion, SslContext> contexts = new EnumMap<>(TlsVersion.class);
    private final SslProvider provider;

    TlsEngine(CapturingTrustManager trustManager, int eventLoops) {
        this.provider = chooseProvider();
        IoHandlerFactory io;
        if (Epoll.isAvailable()) {
            io = EpollIoHandler.newFactory();
            channelType = EpollSocketChannel.class;
        } else {
            io = NioIoHandler.newFactory();
            channelType = NioSocketChannel.class;
        }
        group = new MultiThreadIoEventLoopGroup(
                eventLoops,
                Thread.ofPlatform().name("staplescan-tls-", 0).daemon().factory(),
                io);
        try {
            for (TlsVersion version : TlsVersion.values()) {
                contexts.put(version, context(version, trustManager));
            }
            warmUp();
        } catch (SSLException | RuntimeException e) {
            group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS).awaitUninterruptibly();
            throw new IllegalStateException("cannot set up TLS (" + provider + "): " + e.getMessage(), e);
        }
    }

    /**
     * Does once, now, what the first handshake would otherwise pay for inside its measured connect time:
     * the event loops' threads, the channel classes, and one engine per context (BoringSSL's first
     * {@code SSL_new} with this context's settings). Without it the first endpoints of a run showed up
     * to a second of extra connect time on a cold JVM.
     */
    private void warmUp() {
        group.submit(() -> {}).syncUninterruptibly();
        for (SslContext context : contexts.values()) {
            ReferenceCountUtil.release(context.newEngine(ByteBufAllocator.DEFAULT));
        }
    }

    /** BoringSSL when it loads, unless the property says otherwise; the JDK with one notice when it does not. */
    private static SslProvider chooseProvider() {
        String wanted = System.getProperty(PROVIDER_PROPERTY, "").toLowerCase(Locale.ROOT);
        switch (wanted) {
            case "jdk" -> {
                return jdkProvider();
            }
            case "openssl", "boringssl" -> {
                if (!OpenSsl.isAvailable()) {
                    throw new IllegalStateException(PROVIDER_PROPERTY + "=" + wanted + " but BoringSSL did not load: "
                            + OpenSsl.unavailabilityCause());
                }
                return SslProvider.OPENSSL;
            }
            case "" -> {
                if (OpenSsl.isAvailable()) {
                    return SslProvider.OPENSSL;
                }
                if (NOTICE_GIVEN.compareAndSet(false, true)) {
                    String notice = "staplescan: notice: BoringSSL (netty-tcnative) cannot load here ("
                            + OpenSsl.unavailabilityCause()
                            + "); handshakes use the JDK's TLS, which needs two to three times the CPU";
                    log.warn(notice);
                    // The console logger is off during runs (the operator's terminal shows staplescan's own
                    // lines only), and this one the operator must see: it explains a slower scan.
                    System.err.println(notice);
                }
                return jdkProvider();
            }
            default -> throw new IllegalStateException(PROVIDER_PROPERTY + "=" + wanted + ": expected jdk or openssl");
        }
    }

    private static SslProvider jdkProvider() {
        if ("false".equalsIgnoreCase(System.getProperty("jdk.tls.client.enableStatusRequestExtension"))) {
            throw new IllegalStateException(
                    "jdk.tls.client.enableStatusRequestExtension=false: the JDK's TLS client would not ask for staples");
        }
        return SslProvider.JDK;
    }

    private SslContext context(TlsVersion version, CapturingTrustManager trustManager) throws SSLException {
        SslContextBuilder b = SslContextBuilder.forClient()
                .sslProvider(provider)
                .protocols(version.jsseName())
                .ciphers(null, IdentityCipherSuiteFilter.INSTANCE_DEFAULTING_TO_SUPPORTED_CIPHERS)
                .trustManager(trustManager)
                .endpointIdentificationAlgorithm(null);
        if (provider == SslProvider.OPENSSL) {
            // The JDK client asks for a staple by itself (jdk.tls.client.enableStatusRequestExtension).
            b.enableOcsp(true);
        }
        SslContext context = b.build();
        if (context.sessionContext() instanceof OpenSslSessionContext openssl) {
            openssl.setSessionCacheEnabled(false);
        }
        return context;
    }

    /** A bootstrap on this engine's event loops; the caller adds the handler and the connect timeout. */
    Bootstrap bootstrap() {
        return new Bootstrap()
                .group(group)
                .channel(channelType)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.AUTO_READ, true);
    }

    SslContext context(TlsVersion version) {
        return contexts.get(version);
    }

    /** True on BoringSSL; false on the JDK fallback. */
    boolean isNative() {
        return provider == SslProvider.OPENSSL;
    }

    /** What runs the handshakes, for logs and the report's methodology. */
    String describe() {
        return (isNative() ? "BoringSSL " + OpenSsl.versionString() : "JDK " + Runtime.version())
                + (channelType == EpollSocketChannel.class ? ", epoll" : ", NIO");
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS).syncUninterruptibly();
    }
}
