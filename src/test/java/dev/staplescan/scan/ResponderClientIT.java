package dev.staplescan.scan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
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
    private static final Duration TIMEOUT = Duration.ofMillis(800);

    private final ResponderClient client = new ResponderClient(TIMEOUT, LIMIT, ResponderTls.socketFactory(Set.of()));
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
        server.createContext("/admin", ex -> {
            ex.getResponseHeaders().set("Content-Type", "text/html");
            reply(ex, 404, "<h1>internal admin: secret-token-42</h1>".getBytes(StandardCharsets.US_ASCII));
        });
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
        server.createContext("/chunked", ex -> {
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                for (int i = 0; i < 3; i++) {
                    out.write(new byte[256]);
                    out.flush();
                }
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
        ResponderClient.Result r = post("/ok");

        assertEquals(QueryOutcome.ANSWERED, r.outcome(), r::toString);
        assertEquals(200, r.httpStatus());
        assertArrayEquals(REQUEST, r.body());
        assertEquals("application/ocsp-request", contentType);
        assertNull(r.error());
        assertTrue(r.elapsedMillis() >= 0);
    }

    @Test
    void anHttpErrorIsAnAnswerWithItsStatus() {
        ResponderClient.Result r = post("/error");

        assertEquals(QueryOutcome.ANSWERED, r.outcome());
        assertEquals(503, r.httpStatus());
    }

    @Test
    void theBodyOfAnAnswerThatIsNoOcspResponseIsNeitherKeptNorQuoted() {
        ResponderClient.Result r = post("/admin");

        assertEquals(QueryOutcome.ANSWERED, r.outcome());
        assertEquals(404, r.httpStatus());
        assertNull(r.body());
        assertEquals("HTTP 404, 40 bytes, text/html", r.error());
    }

    @Test
    void aPortThatSpeaksAnotherProtocolIsAnIoErrorThatQuotesNothing() throws Exception {
        try (LoopbackServer ssh = LoopbackServer.tcp(InetAddress.getLoopbackAddress(), s -> {
            s.getOutputStream().write("SSH-2.0-OpenSSH_9.6 secret-banner\r\n".getBytes(StandardCharsets.US_ASCII));
            s.getInputStream().read(new byte[4096]);
        })) {
            ResponderClient.Result r = post(url("http://127.0.0.1:" + ssh.port() + "/"), REQUEST);

            assertEquals(QueryOutcome.IO_ERROR, r.outcome(), r::toString);
            assertFalse(r.error().contains("SSH") || r.error().contains("secret"), r.error());
        }
    }

    @Test
    void aChunkedAnswerIsReassembled() {
        ResponderClient.Result r = post("/chunked");

        assertEquals(QueryOutcome.ANSWERED, r.outcome(), r::toString);
        assertEquals(3 * 256, r.body().length);
    }

    @Test
    void aResponderThatDripsBytesCostsTheTimeoutAndNoMore() throws Exception {
        try (LoopbackServer drip = LoopbackServer.tcp(InetAddress.getLoopbackAddress(), s -> {
            s.getInputStream().read(new byte[4096]);
            OutputStream out = s.getOutputStream();
            out.write("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < 100; i++) {
                Thread.sleep(100);
                out.write(0x30);
                out.flush();
            }
        })) {
            long start = System.nanoTime();
            ResponderClient.Result r = post(url("http://127.0.0.1:" + drip.port() + "/"), REQUEST);
            long millis = (System.nanoTime() - start) / 1_000_000;

            assertEquals(QueryOutcome.TIMEOUT, r.outcome(), r::toString);
            assertTrue(millis >= 700 && millis < 2_000, millis + " ms");
        }
    }

    @Test
    void answersOverTheSizeLimitAreNotRead() {
        ResponderClient.Result declared = post("/big");
        ResponderClient.Result chunked = post("/big-chunked");

        assertEquals(QueryOutcome.TOO_LARGE, declared.outcome(), declared::toString);
        assertEquals(QueryOutcome.TOO_LARGE, chunked.outcome(), chunked::toString);
        assertNull(chunked.body());
    }

    @Test
    void redirectsAreRecordedAndNeverFollowed() {
        ResponderClient.Result toFile = post("/redirect");
        ResponderClient.Result toHttp = post("/redirect-http");

        assertEquals(QueryOutcome.REDIRECTED, toFile.outcome());
        assertEquals(302, toFile.httpStatus());
        assertTrue(toFile.error().contains("no http(s) URL"), toFile.error());
        assertEquals(QueryOutcome.REDIRECTED, toHttp.outcome());
        // Where it points is shown as scheme, host and port only: never its path and query.
        assertTrue(toHttp.error().endsWith("redirect to " + base() + " not followed"), toHttp.error());
        assertEquals(0, followed.get());
    }

    @Test
    void aResponderThatNeverAnswersCostsTheTimeoutAndNoMore() {
        long start = System.nanoTime();
        ResponderClient.Result r = post("/slow");
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
        ResponderClient.Result r = post(url("http://127.0.0.1:" + port + "/ocsp"), REQUEST);

        assertEquals(QueryOutcome.CONNECT_FAILED, r.outcome(), r::toString);
        assertEquals(-1, r.httpStatus());
    }

    private ResponderClient.Result post(String path) {
        return post(url(base() + path), REQUEST);
    }

    private ResponderClient.Result post(ResponderUrl url, byte[] request) {
        return client.post(url, InetAddress.getLoopbackAddress(), request, Deadline.after(TIMEOUT));
    }

    private static ResponderUrl url(String text) {
        return ResponderUrl.parse(text).orElseThrow();
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
