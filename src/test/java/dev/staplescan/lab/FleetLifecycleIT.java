package dev.staplescan.lab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.staplescan.check.Verdict;
import dev.staplescan.scan.TlsVersion;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting, writing the lab's files, load, and closing. */
class FleetLifecycleIT {

    @Test
    void closeFreesEveryPortAndDropsOpenConnections() throws Exception {
        Fleet fleet = Fleet.start(
                List.of(Scenario.GOOD, Scenario.TARPIT, Scenario.NOT_TLS, Scenario.FULL_BACKLOG), 3, Duration.ZERO);
        List<FleetEndpoint> endpoints = fleet.endpoints();
        Socket hanging = connect(endpoints.get(1));

        fleet.close();

        assertEquals(-1, hanging.getInputStream().read(), "tarpit connection closed by the fleet");
        hanging.close();
        for (FleetEndpoint e : endpoints) {
            assertThrows(ConnectException.class, () -> connect(e).close(), e.endpoint());
            try (ServerSocket rebind = new ServerSocket(e.port(), 1, InetAddress.getByName(e.address()))) {
                assertEquals(e.port(), rebind.getLocalPort());
            }
        }
    }

    @Test
    void benchEndpointsShareOneCertificateAndServeManyConcurrentHandshakes() throws Exception {
        try (Fleet fleet = Fleet.start(List.of(), 20, Duration.ofMillis(20))) {
            List<FleetEndpoint> endpoints = fleet.endpoints();
            assertEquals(20, endpoints.size());
            byte[] staple = fleet.stapleOf(endpoints.get(0), TlsVersion.TLS_1_3);

            List<Future<JsseProbe.Result>> results = new ArrayList<>();
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < 200; i++) {
                    FleetEndpoint e = endpoints.get(i % endpoints.size());
                    TlsVersion version = i % 2 == 0 ? TlsVersion.TLS_1_3 : TlsVersion.TLS_1_2;
                    results.add(pool.submit(() -> JsseProbe.handshake(e.address(), e.port(), e.sni(), version)));
                }
            }
            for (Future<JsseProbe.Result> result : results) {
                assertArrayEquals(staple, result.get().staples().get(0));
            }
            for (FleetEndpoint e : endpoints) {
                assertEquals(Fleet.BENCH_SNI, e.sni());
                assertEquals(Verdict.PASS, e.expectedVerdict());
            }
        }
    }

    @Test
    void holdsThousandsOfOpenConnections() throws Exception {
        try (Fleet fleet = Fleet.start(List.of(Scenario.GOOD, Scenario.TARPIT))) {
            FleetEndpoint tarpit = fleet.endpoints().get(1);
            List<Socket> sockets = new ArrayList<>();
            try {
                for (int i = 0; i < 3000; i++) {
                    sockets.add(connect(tarpit));
                }
                FleetEndpoint good = fleet.endpoints().get(0);

                JsseProbe.Result result =
                        JsseProbe.handshake(good.address(), good.port(), good.sni(), TlsVersion.TLS_1_3);

                assertEquals(1, result.staples().size());
            } finally {
                for (Socket socket : sockets) {
                    socket.close();
                }
            }
        }
    }

    @Test
    void writesHostListAndTrustBundle(@TempDir Path dir) throws Exception {
        try (Fleet fleet =
                Fleet.start(List.of(Scenario.GOOD, Scenario.NO_STAPLE, Scenario.CLOSED_PORT), 2, Duration.ZERO)) {
            Path csv = fleet.writeHostList(dir.resolve("out/hosts.csv"));
            Path pem = fleet.writeTrustBundle(dir.resolve("lab-ca.pem"));

            List<CSVRecord> rows;
            try (CSVParser parser = CSVParser.parse(
                    csv,
                    StandardCharsets.UTF_8,
                    CSVFormat.RFC4180
                            .builder()
                            .setHeader()
                            .setSkipHeaderRecord(true)
                            .get())) {
                assertEquals(List.of("host", "port", "sni", "owner", "environment", "tags"), parser.getHeaderNames());
                rows = parser.getRecords();
            }
            assertEquals(5, rows.size());
            List<FleetEndpoint> endpoints = fleet.endpoints();
            for (int i = 0; i < rows.size(); i++) {
                assertEquals(endpoints.get(i).address(), rows.get(i).get("host"));
                assertEquals(
                        String.valueOf(endpoints.get(i).port()), rows.get(i).get("port"));
                assertEquals(endpoints.get(i).sni(), rows.get(i).get("sni"));
                assertEquals("lab", rows.get(i).get("environment"));
            }
            assertEquals("no-staple.lab.staplescan.test", rows.get(1).get("sni"));
            assertEquals("lab;no_staple;expect-fail", rows.get(1).get("tags"));
            assertEquals("bench", rows.get(4).get("owner"));
            assertTrue(Set.of("payments", "identity", "storefront", "platform", "data")
                    .contains(rows.get(0).get("owner")));
            assertEquals(
                    fleet.rootCertificate(),
                    CertificateFactory.getInstance("X.509")
                            .generateCertificate(new ByteArrayInputStream(Files.readAllBytes(pem))));
        }
    }

    @Test
    void labRunnerWritesFilesPrintsTheTableAndStopsWhenInterrupted(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        Thread runner = Thread.ofPlatform().start(() -> {
            try {
                LabRunner.runForeground(dir, out);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!buffer.toString(StandardCharsets.UTF_8).contains("Ctrl-C") && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        String printed = buffer.toString(StandardCharsets.UTF_8);
        List<String> rows = Files.readAllLines(dir.resolve(LabRunner.HOST_LIST));
        String[] good = rows.get(1).split(",", -1);

        runner.interrupt();
        runner.join(10_000);

        assertTrue(printed.contains("GOOD") && printed.contains("must-staple-no-staple.lab.staplescan.test"), printed);
        assertTrue(printed.contains("MUST_STAPLE_VIOLATION"), printed);
        assertTrue(Files.exists(dir.resolve(LabRunner.TRUST_BUNDLE)));
        assertEquals(Scenario.values().length + 1, rows.size());
        assertTrue(!runner.isAlive(), "runner stopped");
        assertThrows(
                ConnectException.class,
                () -> new Socket().connect(new InetSocketAddress(good[0], Integer.parseInt(good[1])), 2_000));
    }

    private static Socket connect(FleetEndpoint e) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(e.address(), e.port()), 2_000);
        return socket;
    }
}
