package dev.staplescan.cli;

import dev.staplescan.batch.AuditSettings;
import dev.staplescan.policy.Policies;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code staplescan scan}: audit the endpoints of a host list. */
@Command(
        name = "scan",
        mixinStandardHelpOptions = true,
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

    @Mixin
    DataOption data;

    @Option(
            names = {"-i", "--input"},
            required = true,
            paramLabel = "FILE",
            description = "The host list to scan.")
    Path input;

    @Option(
            names = {"-o", "--out"},
            paramLabel = "DIR",
            description = "Directory for the report files (default: staplescan-out/run-<id>).")
    Path out;

    @Option(
            names = "--trust",
            paramLabel = "PEM",
            description = "PEM bundle of extra trust anchors, added to the JDK's (for private PKIs).")
    Path trust;

    @Option(
            names = "--partitions",
            paramLabel = "N",
            defaultValue = "" + AuditSettings.DEFAULT_PARTITIONS,
            description = "Parallel scan partitions (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(
            names = "--concurrency",
            paramLabel = "N",
            defaultValue = "" + AuditSettings.DEFAULT_CONCURRENCY,
            description = "Handshakes in flight at once, over all partitions (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(
            names = "--timeout",
            paramLabel = "DURATION",
            defaultValue = "10s",
            converter = DurationConverter.class,
            description = "TLS handshake timeout per attempt (default: ${DEFAULT-VALUE}).")
    Duration handshakeTimeout;

    @Option(
            names = "--connect-timeout",
            paramLabel = "DURATION",
            defaultValue = "5s",
            converter = DurationConverter.class,
            description = "TCP connect timeout per attempt (default: ${DEFAULT-VALUE}).")
    Duration connectTimeout;

    @Option(
            names = "--endpoint-timeout",
            paramLabel = "DURATION",
            defaultValue = "30s",
            converter = DurationConverter.class,
            description = "Bound on all attempts against one endpoint together (default: ${DEFAULT-VALUE}).")
    Duration endpointTimeout;

    @Option(
            names = "--handshakes",
            paramLabel = "N",
            defaultValue = "1",
            description = "Handshakes per TLS version; 2 or more catches servers that staple only sometimes "
                    + "(cold cache after a restart) (default: ${DEFAULT-VALUE}).")
    int handshakes;

    @Option(
            names = "--max-rejected-share",
            paramLabel = "FRACTION",
            defaultValue = "0.5",
            description =
                    "Stop the run when more than this share of the list's lines is rejected (default: ${DEFAULT-VALUE}).")
    double maxRejectedShare;

    @Option(
            names = "--no-responder-query",
            description = "Do not ask each certificate's OCSP responder live "
                    + "(no OCSP_RESPONDER_* findings, no CERT_REVOKED).")
    boolean noResponderQuery;

    @Option(
            names = "--responder-timeout",
            paramLabel = "DURATION",
            defaultValue = "5s",
            converter = DurationConverter.class,
            description =
                    "Bound on one live OCSP responder query: connect, request and answer (default: ${DEFAULT-VALUE}).")
    Duration responderTimeout;

    @Option(names = "--csv-bom", description = "Start CSV files with a UTF-8 byte-order mark (helps Excel).")
    boolean csvBom;

    @Option(
            names = "--policy",
            paramLabel = "FILE|NAME",
            defaultValue = "default",
            description = "How to judge: a policy file, or a built-in policy (default, baseline-requirements) "
                    + "(default: ${DEFAULT-VALUE}).")
    String policy;

    @Option(
            names = "--tls",
            paramLabel = "1.2|1.3|both",
            defaultValue = "both",
            converter = TlsChoice.Converter.class,
            description = "TLS versions to ask for (default: ${DEFAULT-VALUE}). With one version, codes that compare "
                    + "versions (STAPLE_PROTOCOL_GAP) cannot appear.")
    TlsChoice tls;

    @Option(
            names = "--all-addresses",
            description = "Scan each resolved address (up to --max-addresses), not only "
                    + "the first, to catch load-balancer backends that disagree (STAPLE_INCONSISTENT).")
    boolean allAddresses;

    @Option(
            names = "--max-addresses",
            paramLabel = "N",
            defaultValue = "" + AuditSettings.DEFAULT_MAX_ADDRESSES,
            description = "Cap on the addresses scanned per endpoint with --all-addresses (default: ${DEFAULT-VALUE}).")
    int maxAddresses;

    @Option(
            names = "--restart",
            description = "Resume the newest unfinished run of this host list (after a crash "
                    + "or kill) instead of starting a new one; starts a new run when there is none.")
    boolean restart;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(input) || !Files.isReadable(input)) {
            System.err.println(
                    "staplescan: cannot read the host list '" + input + "' (no such file, or not readable).");
            return ExitCodes.COULD_NOT_RUN;
        }
        if (trust != null && (!Files.isRegularFile(trust) || !Files.isReadable(trust))) {
            System.err.println("staplescan: cannot read the trust bundle '" + trust + "'.");
            return ExitCodes.COULD_NOT_RUN;
        }
        AuditSettings settings;
        try {
            // Checked before any database or job is touched: a wrong policy is a usage error (exit 2).
            Policies.load(policy);
            settings = new AuditSettings(
                    input,
                    out,
                    trust,
                    policy,
                    partitions,
                    concurrency,
                    connectTimeout,
                    handshakeTimeout,
                    endpointTimeout,
                    handshakes,
                    maxRejectedShare,
                    csvBom,
                    tls.versions(),
                    allAddresses,
                    maxAddresses,
                    !noResponderQuery,
                    responderTimeout);
        } catch (IllegalArgumentException e) { // PolicyException included
            System.err.println("staplescan: " + e.getMessage());
            return ExitCodes.COULD_NOT_RUN;
        }
        return new AuditRun(data.database()).run(settings, restart);
    }
}
