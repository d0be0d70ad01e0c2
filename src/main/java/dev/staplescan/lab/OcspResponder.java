package dev.staplescan.lab;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The lab's OCSP responder: HTTP on 127.0.0.1 (ephemeral port), answering RFC 6960 Appendix A
 * requests from an {@link OcspRegistry}, POST ({@code application/ocsp-request}) and GET (the
 * request in base64, URL-encoded, appended to {@link #url()}). It can also publish CA certificates
 * for AIA caIssuers URLs. An artificial delay per answer imitates a distant responder.
 * Requests are served on virtual threads.
 */
public final class OcspResponder implements AutoCloseable {

    private static final String OCSP_PATH = "/ocsp";
    private static final String CERT_PATH = "/cert/";
    /** Requests are tiny; anything larger is not an OCSP request and is not read further. */
    private static final int MAX_REQUEST = 64 * 1024;

    private final HttpServer server;
    private final ExecutorService executor;
    private final OcspRegistry registry;
    private final Duration delay;
    private final Map<String, byte[]> published = new ConcurrentHashMap<>();
    private final AtomicLong requests = new AtomicLong();

    private OcspResponder(HttpServer server, ExecutorService executor, OcspRegistry registry, Duration delay) {
        this.server = server;
        this.executor = executor;
        this.registry = registry;
        this.delay = delay;
    }

    /** Starts a responder for the registry; {@code delay} (may be zero) is waited before each answer. */
    public static OcspResponder start(OcspRegistry registry, Duration delay) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
            server.setExecutor(executor);
            OcspResponder responder = new OcspResponder(server, executor, registry, delay);
            server.createContext(OCSP_PATH, responder::handleOcsp);
            server.createContext(CERT_PATH, responder::handleCert);
            server.start();
            return responder;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind the lab OCSP responder on loopback", e);
        }
    }

    /** The URL to put in certificates' AIA OCSP access method. */
    public String url() {
        return base() + OCSP_PATH;
    }

    public OcspRegistry registry() {
        return registry;
    }

    /** How many OCSP requests were answered (for tests and benchmarks). */
    public long requestCount() {
        return requests.get();
    }

    /** Serves a certificate as DER ({@code application/pkix-cert}) and returns its URL, for AIA caIssuers. */
    public String publish(String name, X509Certificate certificate) {
        try {
            published.put(name, certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("cannot encode " + certificate.getSubjectX500Principal(), e);
        }
        return base() + CERT_PATH + name;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private String base() {
        InetSocketAddress address = server.getAddress();
        return "http://" + address.getAddress().getHostAddress() + ":" + address.getPort();
    }

    private void handleOcsp(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] request;
            if ("POST".equals(exchange.getRequestMethod())) {
                request = readBody(exchange.getRequestBody());
            } else if ("GET".equals(exchange.getRequestMethod())) {
                request = decodeGetPath(exchange.getRequestURI().getRawPath());
            } else {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] answer = registry.answer(request == null ? new byte[0] : request);
            requests.incrementAndGet();
            pause();
            exchange.getResponseHeaders().set("Content-Type", "application/ocsp-response");
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        }
    }

    private void handleCert(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] der = published.get(exchange.getRequestURI().getPath().substring(CERT_PATH.length()));
            if (der == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "application/pkix-cert");
            exchange.sendResponseHeaders(200, der.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(der);
            }
        }
    }

    private void pause() {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            // close() interrupts pending answers; stop waiting and let the exchange close.
            Thread.currentThread().interrupt();
        }
    }

    private static byte[] readBody(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        for (int n; (n = in.read(buffer)) > 0; ) {
            body.write(buffer, 0, n);
            if (body.size() > MAX_REQUEST) {
                return null;
            }
        }
        return body.toByteArray();
    }

    /**
     * RFC 6960 Appendix A.1: GET {url}/{url-encoding of base64 of DER OCSPRequest}. Percent-decoding
     * is done by hand because URLDecoder would turn the base64 '+' into a space. Clients that
     * send '/' unescaped split the base64 over path segments; joining the rest of the path undoes it.
     */
    static byte[] decodeGetPath(String rawPath) {
        String encoded = rawPath.length() > OCSP_PATH.length() + 1 ? rawPath.substring(OCSP_PATH.length() + 1) : "";
        StringBuilder base64 = new StringBuilder(encoded.length());
        try {
            for (int i = 0; i < encoded.length(); i++) {
                char c = encoded.charAt(i);
                if (c == '%' && i + 2 < encoded.length()) {
                    base64.append((char) Integer.parseInt(encoded.substring(i + 1, i + 3), 16));
                    i += 2;
                } else {
                    base64.append(c);
                }
            }
            return Base64.getDecoder()
                    .decode(base64.toString().replace('-', '+').replace('_', '/'));
        } catch (IllegalArgumentException e) {
            // Bad percent escape (NumberFormatException is one) or not base64: the registry answers
            // malformedRequest for a missing request.
            return null;
        }
    }
}
