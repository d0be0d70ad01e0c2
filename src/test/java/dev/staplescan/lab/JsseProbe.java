package dev.staplescan.lab;

import dev.staplescan.scan.TlsVersion;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * A JSSE client for the lab's tests: one handshake under one TLS version, asking for a staple (JDK
 * default), trusting anything, and recording what the server sent. The staple is read from the
 * handshake session inside the trust manager, where JSSE exposes it before the handshake ends.
 */
final class JsseProbe {

    /** What one handshake saw. */
    record Result(String protocol, List<byte[]> staples, List<X509Certificate> chain) {}

    private JsseProbe() {}

    static Result handshake(String host, int port, String sni, TlsVersion version) throws IOException {
        Capture capture = new Capture();
        SSLContext context;
        try {
            context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {capture}, null);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress(host, port), 5_000);
            plain.setSoTimeout(10_000);
            try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(plain, host, port, true)) {
                SSLParameters params = socket.getSSLParameters();
                params.setProtocols(new String[] {version.jsseName()});
                if (sni != null) {
                    params.setServerNames(List.of(new SNIHostName(sni)));
                }
                socket.setSSLParameters(params);
                socket.startHandshake();
                return new Result(socket.getSession().getProtocol(), capture.staples, capture.chain);
            }
        }
    }

    /** Trusts every chain; records the chain and the staples of the session being negotiated. */
    private static final class Capture extends X509ExtendedTrustManager {
        private volatile List<byte[]> staples = List.of();
        private volatile List<X509Certificate> chain = List.of();

        private void record(X509Certificate[] certs, SSLSession session) {
            chain = List.of(certs);
            if (session instanceof ExtendedSSLSession extended) {
                staples = new ArrayList<>(extended.getStatusResponses());
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] certs, String authType, Socket socket) {
            record(certs, ((SSLSocket) socket).getHandshakeSession());
        }

        @Override
        public void checkServerTrusted(X509Certificate[] certs, String authType, SSLEngine engine) {
            record(certs, engine.getHandshakeSession());
        }

        @Override
        public void checkServerTrusted(X509Certificate[] certs, String authType) {
            chain = List.of(certs);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] certs, String authType, Socket socket) {
            throw new UnsupportedOperationException("client side only");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] certs, String authType, SSLEngine engine) {
            throw new UnsupportedOperationException("client side only");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] certs, String authType) {
            throw new UnsupportedOperationException("client side only");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
