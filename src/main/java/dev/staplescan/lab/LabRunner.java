package dev.staplescan.lab;

import dev.staplescan.check.FindingCode;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/**
 * Runs the whole fleet in the foreground ({@code staplescan lab}): starts every scenario, writes
 * {@code hosts.csv} and {@code lab-ca.pem} into a directory, prints what a scan should find, and
 * blocks until interrupted (Ctrl-C), when a shutdown hook closes the fleet.
 */
public final class LabRunner {

    public static final String HOST_LIST = "hosts.csv";
    public static final String TRUST_BUNDLE = "lab-ca.pem";

    private LabRunner() {}

    /** Starts, writes the files, prints the table, then waits until the thread or JVM is stopped. */
    public static void runForeground(Path dir, PrintStream out) throws InterruptedException {
        Fleet fleet = Fleet.start(EnumSet.allOf(Scenario.class));
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(
                () -> {
                    fleet.close();
                    stopped.countDown();
                },
                "staplescan-lab-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            Path hosts = fleet.writeHostList(dir.resolve(HOST_LIST));
            Path trust = fleet.writeTrustBundle(dir.resolve(TRUST_BUNDLE));
            out.print(table(fleet));
            out.printf("%nHost list:    %s%nTrust bundle: %s%nOCSP:         %s%n", hosts, trust, fleet.responderUrl());
            out.printf("Scan it with: staplescan scan --input %s --trust %s%nCtrl-C stops the lab.%n", hosts, trust);
            out.flush();
            stopped.await();
        } finally {
            // Interrupted (or failed) rather than stopped by the JVM: clean up now, not at exit.
            if (stopped.getCount() > 0) {
                Runtime.getRuntime().removeShutdownHook(hook);
                fleet.close();
            }
        }
    }

    /** The endpoints as a fixed-width text table: scenario, address:port, sni, expected verdict and codes. */
    public static String table(Fleet fleet) {
        StringBuilder table = new StringBuilder();
        String row = "%-22s %-24s %-42s %-7s %s%n"; // widths fit unresolvable.invalid:443 and the longest SNI
        table.append(String.format(row, "SCENARIO", "ENDPOINT", "SNI", "EXPECT", "CODES"));
        for (FleetEndpoint e : fleet.endpoints()) {
            String codes = e.expectedCodes().stream().map(FindingCode::name).collect(Collectors.joining(";"));
            table.append(String.format(
                    row, e.scenario(), e.endpoint(), e.sni(), e.expectedVerdict(), codes.isEmpty() ? "-" : codes));
        }
        return table.toString();
    }

    /** {@code java -cp staplescan.jar dev.staplescan.lab.LabRunner [dir]}; the CLI's {@code lab} command calls runForeground. */
    public static void main(String[] args) throws InterruptedException {
        runForeground(Path.of(args.length > 0 ? args[0] : "."), System.out);
    }
}
