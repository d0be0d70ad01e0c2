package dev.staplescan.cli;

import dev.staplescan.settings.AuditSettings;
import dev.staplescan.settings.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code staplescan scan}: audit the endpoints of a host list. */
@Command(
        name = "scan",
        mixinStandardHelpOptions = true,
        modelTransformer = SettingOptions.class,
        description = {
            "Scans every endpoint of a host list, assesses its OCSP stapling, stores the results and "
                    + "writes report.pdf, endpoints.csv, findings.csv and rejections.csv.%n"
        },
        footer = {
            "%nHost lists: CSV with a header (host[,port,sni,owner,environment,tags]) or plain text "
                    + "(host, host:port, [ipv6]:port per line; # comments).",
            "Exit codes: 0 no failing endpoint, 1 failing endpoints (FAIL or ERROR), 2 could not run."
        })
public final class ScanCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DataOption data;

    @Option(
            names = "--restart",
            description = "Resume the newest unfinished run of this host list (after a crash "
                    + "or kill) instead of starting a new one; starts a new run when there is none.")
    boolean restart;

    @Override
    public Integer call() throws Exception {
        AuditSettings settings = SettingOptions.read(spec);
        Path input = settings.get(Settings.INPUT).orElseThrow();
        if (!Files.isRegularFile(input) || !Files.isReadable(input)) {
            System.err.println(
                    "staplescan: cannot read the host list '" + input + "' (no such file, or not readable).");
            return ExitCodes.COULD_NOT_RUN;
        }
        Path trust = settings.get(Settings.TRUST).orElse(null);
        if (trust != null && (!Files.isRegularFile(trust) || !Files.isReadable(trust))) {
            System.err.println("staplescan: cannot read the trust bundle '" + trust + "'.");
            return ExitCodes.COULD_NOT_RUN;
        }
        return new AuditRun(data.database()).run(settings, restart);
    }
}
