package dev.staplescan.cli;

import dev.staplescan.lab.Fleet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A host list and the lab's trust bundle in a test's directory, and the commands most ITs run on
 * them, on the database in {@code DIR/data}.
 *
 * @param dir   the test's directory: reports go to {@code DIR/<out>}, the database to {@code DIR/data}
 * @param hosts the host list
 * @param trust the lab CA's PEM bundle
 */
record LabFiles(Path dir, Path hosts, Path trust) {

    /** Writes the fleet's host list ({@code hosts.csv}) and trust bundle ({@code lab-ca.pem}) into {@code dir}. */
    static LabFiles write(Fleet fleet, Path dir) {
        return new LabFiles(
                dir, fleet.writeHostList(dir.resolve("hosts.csv")), fleet.writeTrustBundle(dir.resolve("lab-ca.pem")));
    }

    /** The database directory, {@code DIR/data}. */
    Path data() {
        return dir.resolve("data");
    }

    /** {@code scan --input HOSTS --trust BUNDLE --out DIR/<out> --data DIR/data}, then {@code more}. */
    List<String> scanArgs(String out, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "scan",
                "--input",
                hosts.toString(),
                "--trust",
                trust.toString(),
                "--out",
                dir.resolve(out).toString(),
                "--data",
                data().toString()));
        args.addAll(List.of(more));
        return args;
    }

    /** The scan of {@link #scanArgs} with the short timeouts a fleet on loopback allows (3 s, connect 2 s). */
    CliRun scan(String out, String... more) {
        List<String> args = scanArgs(out, "--timeout", "3s", "--connect-timeout", "2s");
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    /** {@code report --run RUN --out DIR/<out> --data DIR/data}, then {@code more}. */
    CliRun report(int run, String out, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "report",
                "--run",
                String.valueOf(run),
                "--out",
                dir.resolve(out).toString(),
                "--data",
                data().toString()));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }
}
