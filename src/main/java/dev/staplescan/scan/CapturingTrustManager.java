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
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * A client trust manager that accepts every server chain and records it, with the staple, for the
 * handshake it belongs to. Accepting everything is the point: expired, untrusted or misnamed chains
 * are facts to capture, and assessment judges them against the configured trust store (SPEC §4.3).
 *
 * <p>It extends {@link X509ExtendedTrustManager} so that JSSE calls it directly; a plain
 * X509TrustManager would be wrapped and the wrapper would reject chains with disabled algorithms.
 *
 * <p>One instance serves the scanner's single SSLContext, so captures are registered per socket
 * (identity, since sockets do not override equals) for the duration of a handshake.
 */
final class CapturingTrustManager extends X509ExtendedTrustManager {

    private final Map<Socket, Capture> captures = new ConcurrentHashMap<>();

    void register(SSLSocket socket, Capture capture) {
        captures.put(socket, capture);
    }

    void unregister(SSLSocket socket) {
        captures.remove(socket);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        Capture capture = captures.get(socket);
        if (capture == null) {
            throw new IllegalStateException("handshake on a socket the scanner did not register: " + socket);
        }
        capture.record(encode(chain), leafStaple(((SSLSocket) socket).getHandshakeSession()));
    }

    /**
     * The leaf's staple: the first status response (RFC 6066 CertificateStatus under TLS 1.2; under
     * TLS 1.3 JSSE lists the staples of the CertificateEntries that carried one, in order, and servers
     * staple the leaf only). An empty list or an empty entry means no staple.
     */
    private static byte[] leafStaple(SSLSession session) {
        if (!(session instanceof ExtendedSSLSession extended)) {
            return null; // not SunJSSE; the scanner builds its context with SunJSSE explicitly
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
                // JSSE parsed these from the wire and keeps the bytes; failing here is a JDK surprise.
                throw new IllegalStateException("cannot re-encode a certificate the server sent", impossible);
            }
        }
        return der;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        throw new UnsupportedOperationException("the scanner uses sockets, not engines");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
        throw new UnsupportedOperationException("JSSE calls the socket variant for SSLSocket handshakes");
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
