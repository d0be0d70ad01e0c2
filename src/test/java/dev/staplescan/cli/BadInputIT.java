package dev.staplescan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a user meets with a broken host list or wrong options: clear messages, nothing lost. */
class BadInputIT {

    @TempDir
    Path tmp;

    private String data() {
        return tmp.resolve("data").toString();
    }

    /** {@code scan --input LIST --out DIR/<out> --data DIR/data} (no trust bundle: nothing here completes TLS), then more. */
    private CliRun scan(Path list, String out, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "scan", "--input", list.toString(), "--out", tmp.resolve(out).toString(), "--data", data()));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void badLinesAreRecordedWithLineNumbersAndTheRestIsScanned() throws Exception {
        Path list = Path.of("sample-inputs", "with-bad-lines.csv");
        Path out = tmp.resolve("out");

        CliRun run = scan(list, "out", "--timeout", "2s", "--connect-timeout", "1s");

        // The good lines point at loopback ports where nothing listens: ERROR verdicts, hence exit 1.
        assertEquals(ExitCodes.POLICY_FAILURES, run.exitCode(), run::toString);
        Map<Long, String> rejected = Csv.read(out.resolve("rejections.csv")).stream()
                .collect(Collectors.toMap(r -> Long.parseLong(r.get("line")), r -> r.get("reason")));
        assertEquals(
                List.of(3L, 4L, 5L, 6L, 8L, 9L, 10L, 20L),
                rejected.keySet().stream().sorted().toList());
        assertTrue(rejected.get(3L).startsWith("port '70000'"));
        assertTrue(rejected.get(4L).startsWith("a wildcard"));
        assertTrue(rejected.get(20L).contains("UTF-8"));
        List<CSVRecord> endpoints = Csv.read(out.resolve("endpoints.csv"));
        assertEquals(10, endpoints.size(), "line 7 repeats line 2 and is scanned once");
        assertTrue(run.out().contains("8 lines rejected, 1 duplicates"), run::toString);
        assertTrue(endpoints.stream()
                .allMatch(r -> r.get("verdict").equals("ERROR")
                        && r.get("finding_codes").equals("CONNECT_REFUSED")));
    }

    @Test
    void aFileThatIsNotAHostListStopsTheRunWithAReason() throws Exception {
        Path junk = Files.writeString(tmp.resolve("junk.json"), "{\"hosts\": [\n  \"a\", \"b\"\n],\n\"x\": 1}\n");

        CliRun run = scan(junk, "o");

        assertEquals(ExitCodes.COULD_NOT_RUN, run.exitCode(), run::toString);
        assertTrue(run.err().contains("no usable endpoint") || run.err().contains("were rejected"), run::toString);
    }

    @Test
    void aRejectedListIsNotResumedAfterItWasFixed() throws Exception {
        Path list = Files.writeString(tmp.resolve("list.txt"), "not a host!\nneither this\n");
        CliRun first = scan(list, "o1");
        assertEquals(ExitCodes.COULD_NOT_RUN, first.exitCode(), first::toString);
        assertTrue(first.err().contains("Fix the host list"), first::toString);

        // the user fixes the file and runs the same command with --restart, as a cron job would
        Files.writeString(list, "127.0.0.1:1\n");
        CliRun second = scan(list, "o2", "--connect-timeout", "1s", "--restart");

        assertEquals(ExitCodes.POLICY_FAILURES, second.exitCode(), second::toString);
        assertTrue(second.err().contains("starting a new one"), second::toString);
        assertEquals(1, Csv.read(tmp.resolve("o2").resolve("endpoints.csv")).size());
    }

    @Test
    void missingInputAndWrongOptionsExitTwoWithAMessage() {
        CliRun missing = CliRun.of("scan", "--input", tmp.resolve("nope.csv").toString(), "--data", data());
        assertEquals(ExitCodes.COULD_NOT_RUN, missing.exitCode());
        assertTrue(missing.err().contains("cannot read the host list"), missing::toString);

        CliRun duration =
                CliRun.of("scan", "--input", "sample-inputs/hosts.txt", "--timeout", "soon", "--data", data());
        assertEquals(ExitCodes.COULD_NOT_RUN, duration.exitCode());
        assertTrue(
                duration.err()
                        .contains("--timeout: must be a duration such as 500ms, 10s, 2m, 1h or PT10S, not 'soon'"),
                duration::toString);

        CliRun partitions =
                CliRun.of("scan", "--input", "sample-inputs/hosts.txt", "--partitions", "0", "--data", data());
        assertEquals(ExitCodes.COULD_NOT_RUN, partitions.exitCode());
        assertTrue(
                partitions.err().contains("--partitions: must be a whole number from 1 to 256, not '0'"),
                partitions::toString);

        CliRun unknown = CliRun.of("scna");
        assertEquals(ExitCodes.COULD_NOT_RUN, unknown.exitCode());

        CliRun noRun = CliRun.of("report", "--run", "99", "--data", data());
        assertEquals(ExitCodes.COULD_NOT_RUN, noRun.exitCode());
        assertTrue(noRun.err().contains("there is no run 99"), noRun::toString);
    }

    @Test
    void helpWorksEverywhere() {
        for (String cmd : List.of("scan", "runs", "report", "demo", "lab")) {
            CliRun help = CliRun.of(cmd, "--help");
            assertEquals(0, help.exitCode());
        }
        assertEquals(0, CliRun.of("--help").exitCode());
    }
}
