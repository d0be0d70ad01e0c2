package dev.staplescan.scan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The responder HTTP client's limits, against a loopback {@code com.sun.net.httpserver} server. */
class ResponderClientIT {

    private static final byte[] REQUEST = {0x30, 0x03, 0x02, 0x01, 0x01};
    private static final int LIMIT = 1024;

    private HttpServer server;
    private ExecutorService executor;
    private final AtomicInteger followed = new AtomicInteger();
    private final ResponderClient client = new ResponderClient(Duration.ofMillis(800), LIMIT);
    private volatile String contentType;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.createContext("/ok", ex -> {
            contentType = ex.getRequestHeaders().getFirst("Content-Type");
            byte[] body = ex.getRequestBody().readAllBytes();
            reply(ex, 200, body); // echoes the request, so the test sees what was POSTed
        });
        server.createContext("/error", ex -> reply(ex, 503, new byte[0]));
        server.createContext("/big", ex -> reply(ex, 200, new byte[LIMIT + 1]));
        server.createContext("/big-chunked", ex -> {
            ex.sendResponseHeaders(200, 0); // chunked: no Content-Length to reject early
            try (OutputStream out = ex.getResponseBody()) {
                for (int i = 0; i < 64; i++) {
                    out.write(new byte[256]);
                }
            } catch (IOException clientGaveUp) {
                // expected: the client cancels once past the limit
            }
        });
        server.createContext("/redirect", ex -> {
            ex.getResponseHeaders().set("Location", "file:///etc/passwd");
            reply(ex, 302, new byte[0]);
        });
        server.createContext("/target", ex -> {
            followed.incrementAndGet();
            reply(ex, 200, new byte[] {1});
        });
        server.createContext("/redirect-http", ex -> {
            ex.getResponseHeaders().set("Location", base() + "/target");
            reply(ex, 307, new byte[0]);
        });
        server.createContext("/slow", ex -> {
            try {
                Thread.sleep(5_000);
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
            reply(ex, 200, new byte[] {1});
        });
        server.start();
    }

    @AfterEach
    void stop() {
        client.close();
        server.stop(0);
        executor.shutdownNow();
    }

    @Test
    void postsTheRequestAsOcspAndRecordsTheAnswer() {
        ResponderClient.Result r = client.post(uri("/ok"), REQUEST);

        assertEquals(QueryOutcome.ANSWERED, r.outcome(), r::toString);
        assertEquals(200, r.httpStatus());
        assertArrayEquals(REQUEST, r.body());
        assertEquals("application/ocsp-request", contentType);
        assertNull(r.error());
        assertTrue(r.elapsedMillis() >= 0);
    }

    @Test
    void anHttpErrorIsAnAnswerWithItsStatus() {
        ResponderClient.Result r = client.post(uri("/error"), REQUEST);

        assertEquals(QueryOutcome.ANSWERED, r.outcome());
        assertEquals(503, r.httpStatus());
    }

    @Test
    void onlyHttpAndHttpsUrlsWithAHostAreAllowed() {
        assertNotNull(ResponderClient.allowed("http://ocsp.example.test/"));
        assertNotNull(ResponderClient.allowed("HTTPS://ocsp.example.test:8443/x"));
        for (String bad : new String[] {
            "file:///etc/passwd",
            "ldap://ocsp.example.test/",
            "jar:file:/x.jar!/",
            "ftp://ocsp.example.test/",
            "http:///nohost",
            "/relative",
            "http://user:pw@ocsp.example.test/",
            "not a uri at all",
            ""
        }) {
            assertNull(ResponderClient.allowed(bad), bad);
        }
    }

    @Test
    void answersOverTheSizeLimitAreNotRead() {
        ResponderClient.Result declared = client.post(uri("/big"), REQUEST);
        ResponderClient.Result chunked = client.post(uri("/big-chunked"), REQUEST);

        assertEquals(QueryOutcome.TOO_LARGE, declared.outcome(), declared::toString);
        assertEquals(QueryOutcome.TOO_LARGE, chunked.outcome(), chunked::toString);
        assertNull(chunked.body());
    }

    @Test
    void redirectsAreRecordedAndNeverFollowed() {
        ResponderClient.Result toFile = client.post(uri("/redirect"), REQUEST);
        ResponderClient.Result toHttp = client.post(uri("/redirect-http"), REQUEST);

        assertEquals(QueryOutcome.REDIRECTED, toFile.outcome());
        assertEquals(302, toFile.httpStatus());
        assertTrue(toFile.error().contains("file:///etc/passwd"), toFile.error());
        assertEquals(QueryOutcome.REDIRECTED, toHttp.outcome());
        assertEquals(0, followed.get());
    }

    @Test
    void aResponderThatNeverAnswersCostsTheTimeoutAndNoMore() {
        long start = System.nanoTime();
        ResponderClient.Result r = client.post(uri("/slow"), REQUEST);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertEquals(QueryOutcome.TIMEOUT, r.outcome(), r::toString);
        assertTrue(millis >= 700 && millis < 2_000, millis + " ms");
    }

    @Test
    void aClosedPortIsAConnectFailure() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        ResponderClient.Result r = client.post(URI.create("http://127.0.0.1:" + port + "/ocsp"), REQUEST);

        assertEquals(QueryOutcome.CONNECT_FAILED, r.outcome(), r::toString);
        assertEquals(-1, r.httpStatus());
    }

    private URI uri(String path) {
        return URI.create(base() + path);
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void reply(HttpExchange ex, int status, byte[] body) throws IOException {
        try (ex) {
            ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }
}
