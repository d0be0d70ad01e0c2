package dev.staplescan.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/benchmark --server nginx} at small scale (4 addresses × 5 names = 20 endpoints, s_time
 * for 1 s per version): a real nginx, the real launcher (bin/staplescan) in a child JVM, the real OpenSSL
 * clients. Asserts that every figure of the report is there and measured, and that nginx stapled
 * and staplescan found every staple. Needs nginx; {@code .ci/run} installs it. Without nginx it
 * fails when {@code CI=true} and is skipped otherwise (like PostgresIT).
 */
class NginxBenchmarkIT {

    private static final String NUMBER = "[0-9][0-9,]*(\\.[0-9]+)?";

    @Test
    void measuresEveryFigureAgainstAStaplingNginx(@TempDir Path tmp) throws Exception {
        Optional<Path> nginx = Nginx.find(Optional.empty());
        if (nginx.isEmpty()) {
            String why = "nginx is not installed";
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(why + ": CI must run this test (.ci/run installs nginx).");
            }
            Assumptions.abort(why + ": skipped. apt-get install nginx to run it.");
        }
        Path work = tmp.resolve("bench");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();

        int exit = ServerBenchmark.main(
                new String[] {
                    "--server",
                    "nginx",
                    "--endpoints",
                    "20",
                    "--addresses",
                    "4",
                    "--names",
                    "5",
                    "--stime-seconds",
                    "1",
                    "--compare-sclient",
                    "20",
                    "--work",
                    work.toString()
                },
                new PrintStream(bytes, true, StandardCharsets.UTF_8),
                new PrintStream(errors, true, StandardCharsets.UTF_8));

        String out = bytes.toString(StandardCharsets.UTF_8) + errors.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, out);
        assertTrue(out.contains("openssl s_client -status: TLS 1.3 good staple, TLS 1.2 good staple"), out);
        for (String figure : List.of(
                "s_time TLS 1\\.3 before \\(b\\): " + NUMBER + " handshakes/s \\(" + NUMBER + " \\+ " + NUMBER + " \\+ "
                        + NUMBER + "\\)",
                "s_time TLS 1\\.2 before \\(b\\): " + NUMBER + " handshakes/s",
                "s_time TLS 1\\.3 after \\(b\\): " + NUMBER + " handshakes/s",
                "s_time TLS 1\\.2 after \\(b\\): " + NUMBER + " handshakes/s",
                "s_time baseline: " + NUMBER + " handshakes/s",
                "result: exit 0; 20 endpoints \\([0-9]+ PASS, [0-9]+ WARN, 0 FAIL, 0 ERROR\\), 20 stapling, 20 valid "
                        + "staples",
                // A loaded machine may make the one live responder query slow: nothing else may be found.
                "findings: (none|OCSP_RESPONDER_SLOW × 20)\n",
                "handshakes: 40 completed of 40 attempts stored \\(2\\.00 per endpoint\\); nginx accepted 4[0-9] "
                        + "connections",
                "rate: " + NUMBER + " handshakes/s, " + NUMBER + " endpoints/s",
                "ratio \\(b\\)/\\(a\\): " + NUMBER + "×",
                "phases: ingest " + NUMBER + " s, scan " + NUMBER + " s, assess " + NUMBER + " s, report " + NUMBER
                        + " s; before the job " + NUMBER + " s \\(JVM start, Spring context, schema\\), other steps "
                        + "-?" + NUMBER + " s, after the job -?" + NUMBER + " s",
                "launcher, JVM and CLI alone \\(bin/staplescan --version, whole process\\): " + NUMBER + " s",
                "start to first connection accepted by nginx: " + NUMBER + " s",
                "start to first handshake completed: " + NUMBER + " s",
                "peak RSS: [1-9][0-9,]* MB",
                "database: [1-9][0-9,]* bytes, [1-9][0-9,]* bytes per endpoint",
                "xargs s_client: " + NUMBER + " s, " + NUMBER + " endpoints/s \\(20 of 20 stapled\\)",
                "staplescan: " + NUMBER + " s, " + NUMBER + " endpoints/s, whole process",
                "ratio staplescan/xargs: " + NUMBER + "×")) {
            assertTrue(Pattern.compile(figure).matcher(out).find(), "missing /" + figure + "/ in:\n" + out);
        }
        assertFalse(out.contains("n/a"), out);
        assertTrue(Files.readString(work.resolve("report.txt")).contains("ratio (b)/(a): "), "report.txt");
        // nginx removes its pid file when it has stopped: the benchmark left nothing running.
        assertFalse(Files.exists(work.resolve("nginx").resolve("nginx.pid")), "nginx still running");
    }
}
