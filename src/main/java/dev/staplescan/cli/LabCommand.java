package dev.staplescan.cli;

import dev.staplescan.lab.LabRunner;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code staplescan lab}: the test fleet in the foreground, to scan by hand. */
@Command(
        name = "lab",
        mixinStandardHelpOptions = true,
        description = {
            "Runs the lab fleet on loopback in the foreground: a CA, an OCSP responder and one TLS server "
                    + "per scenario. Writes hosts.csv and lab-ca.pem into --dir and prints the endpoints. Ctrl-C stops it.%n",
            "Scan it from another terminal: staplescan scan --input DIR/hosts.csv --trust DIR/lab-ca.pem%n"
        })
public final class LabCommand implements Callable<Integer> {

    @Option(
            names = "--dir",
            paramLabel = "DIR",
            defaultValue = "lab",
            description = "Where to write hosts.csv and lab-ca.pem (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Override
    public Integer call() throws Exception {
        try {
            LabRunner.runForeground(dir, System.out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // Ctrl-C: the fleet has been closed
        }
        return ExitCodes.CLEAN;
    }
}
