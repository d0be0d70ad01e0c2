package dev.staplescan.cli;

import dev.staplescan.lab.Fleet;
import dev.staplescan.lab.LabRunner;
import dev.staplescan.lab.Scenario;
import dev.staplescan.settings.AuditSettings;
import dev.staplescan.settings.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code staplescan demo}: the main job on the built-in fleet, with no internet. */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Starts the lab fleet on loopback (every scenario), scans it with the real audit job, stores "
                    + "the run and writes the reports, then prints each endpoint's verdict next to the expected one.%n",
            "The fleet fails on purpose in many ways; demo exits 0 when the run completed (2 if it could not run).%n"
        })
public final class DemoCommand implements Callable<Integer> {

    @Mixin
    DataOption data;

    @Option(
            names = {"-o", "--out"},
            paramLabel = "DIR",
            defaultValue = "demo-out",
            description = "Where to write the reports, hosts.csv and lab-ca.pem (default: ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() throws Exception {
        Files.createDirectories(out);
        try (Fleet fleet = Fleet.start(Arrays.asList(Scenario.values()))) {
            Path hosts = fleet.writeHostList(out.resolve(LabRunner.HOST_LIST));
            Path trust = fleet.writeTrustBundle(out.resolve(LabRunner.TRUST_BUNDLE));
            System.out.println("demo: lab fleet of " + fleet.endpoints().size() + " endpoints started on loopback; "
                    + "host list " + hosts);
            // Short timeouts: the fleet is local, and the tarpit and full-backlog scenarios would otherwise
            // cost a default timeout per TLS version (10 s each for the tarpit, 5 s for the backlog).
            // Two handshakes per version, so the intermittent (cold-cache) scenario shows itself.
            AuditSettings settings = AuditSettings.of(Map.of(
                    Settings.INPUT, Optional.of(hosts),
                    Settings.OUT, Optional.of(out),
                    Settings.TRUST, Optional.of(trust),
                    Settings.CONNECT_TIMEOUT, Duration.ofSeconds(2),
                    Settings.HANDSHAKE_TIMEOUT, Duration.ofSeconds(3),
                    Settings.ENDPOINT_TIMEOUT, Duration.ofSeconds(15),
                    Settings.HANDSHAKES, 2));
            return new AuditRun(data.database()).runAndReport(settings, false, (ctx, done) -> {
                DemoVerdicts.print(ctx.getBean(JdbcTemplate.class), done.runId(), fleet.endpoints(), System.out);
                return ExitCodes.CLEAN; // the demo's failures are on purpose
            });
        }
    }
}
