package dev.staplescan.scan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.staplescan.input.Target;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * One Scanner shared by many virtual threads, as the batch layer uses it. Not a benchmark: it proves
 * that captures never cross between concurrent handshakes (each server has its own certificate) and
 * that nothing deadlocks or pins.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ScannerConcurrencyIT {

    private static final int SCANS = 400;

    @Test
    void concurrentScansKeepEachEndpointsOwnChain() throws Exception {
        TestCerts red = TestCerts.selfSigned("red.test");
        TestCerts blue = TestCerts.selfSigned("blue.test");
        try (JsseTestServer redServer = new JsseTestServer(red, "TLSv1.3", "TLSv1.2");
                JsseTestServer blueServer = new JsseTestServer(blue, "TLSv1.3", "TLSv1.2");
                // The point is that chains never mix: generous deadlines keep a loaded CI machine, where the
                // JDK test servers answer 800 cold handshakes at once, from failing it on timeouts.
                Scanner scanner = new Scanner(ScanOptions.defaults()
                        .withHandshakeTimeout(Duration.ofSeconds(60))
                        .withTotalTimeout(Duration.ofSeconds(100)));
                ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Observation>> futures = new ArrayList<>();
            for (int i = 0; i < SCANS; i++) {
                boolean isRed = i % 2 == 0;
                Target t = new Target(
                        i + 1,
                        "127.0.0.1",
                        isRed ? redServer.port() : blueServer.port(),
                        isRed ? "red.test" : "blue.test",
                        "",
                        "",
                        "");
                futures.add(threads.submit(() -> scanner.scan(t)));
            }

            for (Future<Observation> f : futures) {
                Observation o = f.get();
                byte[] expected =
                        (o.target().line() % 2 == 1 ? red : blue).certificate().getEncoded();
                assertEquals(2, o.handshakes().size());
                for (Handshake h : o.handshakes()) {
                    assertEquals(Outcome.OK, h.outcome(), h.error());
                    assertArrayEquals(
                            expected,
                            h.chain().get(0),
                            "chain of another endpoint for line " + o.target().line());
                }
            }
        }
    }
}
