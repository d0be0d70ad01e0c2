package dev.staplescan.scan;

import java.net.Socket;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * A client trust manager that accepts every server chain and records it, with the staple, for the
 * handshake it belongs to. Accepting everything is the point: expired, untrusted or misnamed chains
 * are facts to capture, and assessment judges them against the configured trust store (SPEC §4.3).
 *
 * <p>It extends {@link X509ExtendedTrustManager} so that the TLS stack calls it directly; a plain
 * X509TrustManager would be wrapped and the wrapper would reject chains with disabled algorithms.
 *
 * <p>One instance serves every context of the scanner's {@link TlsEngine}, so captures are registered
 * per engine (identity: engines do not override equals) for the duration of a handshake.
 */
final class CapturingTrustManager extends X509ExtendedTrustManager {

    private final Map<SSLEngine, Capture> captures = new ConcurrentHashMap<>();

    void register(SSLEngine engine, Capture capture) {
        captures.put(engine, capture);
    }

    void unregister(SSLEngine engine) {
        captures.remove(engine);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        Capture capture = captures.get(engine);
        if (capture == null) {
            throw new IllegalStateException("handshake on an engine the scanner did not register: " + engine);
        }
        capture.record(encode(chain), leafStaple(engine.getHandshakeSession()));
    }

    /**
     * The leaf's staple: the first status response (RFC 6066 CertificateStatus under TLS 1.2; under
     * TLS 1.3 the session lists the staples of the CertificateEntries that carried one, in order, and servers
     * staple the leaf only). An empty list or an empty entry means no staple.
     */
    private static byte[] leafStaple(SSLSession session) {
        if (!(session instanceof ExtendedSSLSession extended)) {
            return null; // both BoringSSL's and the JDK's handshake sessions are extended ones
        }
        List<byte[]> responses = extended.getStatusResponses();
        if (responses.isEmpty() || responses.get(0) == null || responses.get(0).length == 0) {
            return null;
        }
        return responses.get(0).clone();
    }

    private static List<byte[]> encode(X509Certificate[] chain) {
        List<byte[]> der = new ArrayList<>(chain.length);
        for (X509Certificate cert : chain) {
            try {
                der.add(cert.getEncoded());
            } catch (CertificateEncodingException impossible) {
                // The TLS stack parsed these from the wire and keeps the bytes; failing here is a surprise.
                throw new IllegalStateException("cannot re-encode a certificate the server sent", impossible);
            }
        }
        return der;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        throw new UnsupportedOperationException("the scanner uses engines, not sockets");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
        throw new UnsupportedOperationException("the TLS stack calls the engine variant for engine handshakes");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        throw new CertificateException("the scanner is a client; it never authenticates clients");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        throw new CertificateException("the scanner is a client; it never authenticates clients");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("the scanner is a client; it never authenticates clients");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0]; // no CA hints: the server sends whatever chain it has
    }
}
