package dev.staplescan.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ServerBenchmarkOptionsTest {

    @Test
    void defaultsAreIssueNinesList() {
        ServerBenchmarkOptions o = ServerBenchmarkOptions.parse("--server", "nginx");

        assertEquals(1_000, o.addresses());
        assertEquals(5, o.names());
        assertEquals(5_000, o.endpoints());
        assertEquals(1_000, o.compareSclient());
        assertEquals(64, o.sclientParallel());
        assertTrue(o.xmx().isEmpty(), "the scanning JVM runs with its default heap, as bin/staplescan does");
    }

    @Test
    void endpointsAloneTakeAsManyAddressesAsFiveNamesNeed() {
        ServerBenchmarkOptions o = ServerBenchmarkOptions.parse("--server", "nginx", "--endpoints", "22");

        assertEquals(5, o.addresses());
        assertEquals(5, o.names());
        assertEquals(22, o.endpoints());
        assertEquals(22, o.compareSclient(), "a list shorter than 1,000 is compared whole");
    }

    @Test
    void addressesTimesNamesIsTheListWhenEndpointsIsNotGiven() {
        ServerBenchmarkOptions o = ServerBenchmarkOptions.parse(
                "--server", "nginx", "--addresses", "4", "--names", "3", "--compare-sclient", "0");

        assertEquals(12, o.endpoints());
        assertEquals(0, o.compareSclient());
    }

    @Test
    void scanArgumentsAreKeptInOrder() {
        ServerBenchmarkOptions o = ServerBenchmarkOptions.parse(
                "--server", "nginx", "--scan-arg", "--concurrency", "--scan-arg", "512", "--compare-sclient", "0");

        assertEquals(List.of("--concurrency", "512"), o.scanArgs());
    }

    @Test
    void rejectsWhatCannotBeMeasured() {
        assertThrows(IllegalArgumentException.class, () -> ServerBenchmarkOptions.parse("--endpoints", "10"));
        assertThrows(IllegalArgumentException.class, () -> ServerBenchmarkOptions.parse("--server", "apache"));
        assertThrows(
                IllegalArgumentException.class,
                () -> ServerBenchmarkOptions.parse(
                        "--server", "nginx", "--endpoints", "30", "--addresses", "2", "--names", "5"));
        assertThrows(
                IllegalArgumentException.class,
                () -> ServerBenchmarkOptions.parse(
                        "--server", "nginx", "--endpoints", "10", "--compare-sclient", "11"));
        assertThrows(
                IllegalArgumentException.class, () -> ServerBenchmarkOptions.parse("--server", "nginx", "--names"));
    }
}
