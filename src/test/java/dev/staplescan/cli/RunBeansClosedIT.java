package dev.staplescan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run's scanner is a job-scoped bean (batch.RunBeans): built once for all partitions, and closed
 * when the job ends, not when the process exits. Its name-resolution threads show both.
 */
class RunBeansClosedIT {

    @TempDir
    Path tmp;

    @Test
    void theScannerOfARunIsClosedWhenItsJobEnds() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // closed again: every connection is refused
        }
        // A name, so the scanner's resolver threads are used; four partitions share them.
        StringBuilder list = new StringBuilder("host,port,sni\n");
        for (int i = 0; i < 16; i++) {
            list.append("localhost,").append(port).append(",e").append(i).append(".example\n");
        }
        Path hosts = Files.writeString(tmp.resolve("hosts.csv"), list);
        long before = resolverThreads();

        CliRun run = CliRun.of(
                "scan",
                "--input",
                hosts.toString(),
                "--out",
                tmp.resolve("out").toString(),
                "--data",
                tmp.resolve("data").toString(),
                "--partitions",
                "4",
                "--connect-timeout",
                "1s");

        assertEquals(ExitCodes.POLICY_FAILURES, run.exitCode(), run::toString);
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (resolverThreads() > before && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(resolverThreads() <= before, () -> "resolver threads left: " + (resolverThreads() - before));
    }

    private static long resolverThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("staplescan-dns-"))
                .count();
    }
}
