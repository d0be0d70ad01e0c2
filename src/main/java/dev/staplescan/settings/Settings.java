package dev.staplescan.settings;

import dev.staplescan.scan.HostRules;
import dev.staplescan.scan.ResponderOptions;
import dev.staplescan.scan.ScanOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every setting of an audit run, declared once: name, type and limits, default, job-definition field,
 * command-line option and help. {@code scan}'s options, a definition's fields, the job parameters and
 * the report's run settings are derived from this list. To add one, declare it here, add it to
 * {@link #ALL}, and use it where it takes effect (usually {@link AuditSettings#scanOptions()}).
 */
public final class Settings {

    // The scanner's defaults are owned by its options records; these settings only refer to them.
    private static final ScanOptions SCAN = ScanOptions.defaults();
    private static final Duration TIMEOUT_MIN = Duration.ofMillis(1);
    private static final Duration TIMEOUT_MAX = Duration.ofHours(24);

    public static final Setting<Optional<Path>> INPUT = new Setting<>(
            "input",
            ValueTypes.optionalPath(),
            Optional.empty(),
            null,
            "FILE",
            "The host list to scan.",
            "-i",
            "--input");
    public static final Setting<Optional<Path>> OUT = new Setting<>(
            "out",
            ValueTypes.optionalPath(),
            Optional.empty(),
            null,
            "DIR",
            "Directory for the report files (default: staplescan-out/run-<id>).",
            "-o",
            "--out");
    public static final Setting<Optional<Path>> TRUST = new Setting<>(
            "trust",
            ValueTypes.optionalPath(),
            Optional.empty(),
            "scan.trust",
            "PEM",
            "PEM bundle of extra trust anchors, added to the JDK's (for private PKIs).",
            "--trust");
    public static final Setting<String> POLICY = new Setting<>(
            "policy",
            ValueTypes.text(),
            "default",
            "policy",
            "FILE|NAME",
            "How to judge: a policy file, or a built-in policy (default, baseline-requirements).",
            "--policy");
    public static final Setting<Integer> PARTITIONS = new Setting<>(
            "partitions",
            ValueTypes.wholeNumber(1, 256),
            4,
            "scan.partitions",
            "N",
            "Parallel scan partitions.",
            "--partitions");
    public static final Setting<Integer> CONCURRENCY = new Setting<>(
            "concurrency",
            ValueTypes.wholeNumber(1, 100_000),
            256,
            "scan.concurrency",
            "N",
            "Handshakes in flight at once, over all partitions.",
            "--concurrency");
    public static final Setting<Duration> HANDSHAKE_TIMEOUT = new Setting<>(
            "handshake-timeout",
            ValueTypes.duration(TIMEOUT_MIN, TIMEOUT_MAX),
            SCAN.handshakeTimeout(),
            "scan.handshake-timeout",
            "DURATION",
            "TLS handshake timeout per attempt.",
            "--timeout",
            "--handshake-timeout");
    public static final Setting<Duration> CONNECT_TIMEOUT = new Setting<>(
            "connect-timeout",
            ValueTypes.duration(TIMEOUT_MIN, TIMEOUT_MAX),
            SCAN.connectTimeout(),
            "scan.connect-timeout",
            "DURATION",
            "TCP connect timeout per attempt.",
            "--connect-timeout");
    public static final Setting<Duration> ENDPOINT_TIMEOUT = new Setting<>(
            "endpoint-timeout",
            ValueTypes.duration(TIMEOUT_MIN, TIMEOUT_MAX),
            SCAN.totalTimeout(),
            "scan.endpoint-timeout",
            "DURATION",
            "Bound on all attempts against one endpoint together.",
            "--endpoint-timeout");
    public static final Setting<Integer> HANDSHAKES = new Setting<>(
            "handshakes",
            ValueTypes.wholeNumber(1, ScanOptions.MAX_HANDSHAKES_PER_VERSION),
            SCAN.handshakesPerVersion(),
            "scan.handshakes",
            "N",
            "Handshakes per TLS version; 2 or more catches servers that staple only sometimes (cold cache after "
                    + "a restart).",
            "--handshakes");
    public static final Setting<TlsChoice> TLS = new Setting<>(
            "tls",
            ValueTypes.tls(),
            TlsChoice.of(SCAN.versions()).orElseThrow(),
            "scan.tls",
            "1.2|1.3|both",
            "TLS versions to ask for. With one version, codes that compare versions (STAPLE_PROTOCOL_GAP) cannot "
                    + "appear.",
            "--tls");
    public static final Setting<Boolean> ALL_ADDRESSES = new Setting<>(
            "all-addresses",
            ValueTypes.bool(),
            SCAN.allAddresses(),
            "scan.all-addresses",
            null,
            "Scan each resolved address (up to --max-addresses), not only the first, to catch load-balancer "
                    + "backends that disagree (STAPLE_INCONSISTENT).",
            "--all-addresses");
    public static final Setting<Integer> MAX_ADDRESSES = new Setting<>(
            "max-addresses",
            ValueTypes.wholeNumber(1, ScanOptions.MAX_ADDRESSES),
            SCAN.maxAddresses(),
            "scan.max-addresses",
            "N",
            "Cap on the addresses scanned per endpoint with --all-addresses.",
            "--max-addresses");
    public static final Setting<Boolean> RESPONDER_QUERY = new Setting<>(
            "responder-query",
            ValueTypes.bool(),
            ResponderOptions.defaults().enabled(),
            "scan.responder-query",
            null,
            "Do not ask each certificate's OCSP responder live (no OCSP_RESPONDER_* findings, no CERT_REVOKED).",
            "--no-responder-query");
    public static final Setting<Duration> RESPONDER_TIMEOUT = new Setting<>(
            "responder-timeout",
            ValueTypes.duration(TIMEOUT_MIN, Duration.ofMinutes(10)),
            ResponderOptions.DEFAULT_TIMEOUT,
            "scan.responder-timeout",
            "DURATION",
            "Bound on one live OCSP responder query: connect, request and answer.",
            "--responder-timeout");
    public static final Setting<HostRules> RESPONDER_ALLOW = new Setting<>(
            "responder-allow",
            ValueTypes.hostRules(),
            HostRules.NONE,
            "scan.responder-allow",
            "RULES",
            "Ask only OCSP responders whose host name or every address matches one of these rules, comma "
                    + "separated: address blocks (10.0.0.0/8, fd00::/8), host names (ocsp.example.com, "
                    + "*.example.com), loopback, private. Default: any address except link-local, cloud "
                    + "metadata, unspecified and multicast ones, which are never asked.",
            "--responder-allow");
    public static final Setting<HostRules> RESPONDER_DENY = new Setting<>(
            "responder-deny",
            ValueTypes.hostRules(),
            HostRules.NONE,
            "scan.responder-deny",
            "RULES",
            "Never ask OCSP responders whose host name or any address matches one of these rules (as for "
                    + "--responder-allow); deny wins over allow.",
            "--responder-deny");
    public static final Setting<Double> MAX_REJECTED_SHARE = new Setting<>(
            "max-rejected-share",
            ValueTypes.share(),
            0.5,
            "scan.max-rejected-share",
            "FRACTION",
            "Stop the run when more than this share of the list's lines is rejected.",
            "--max-rejected-share");
    public static final Setting<Set<ReportFormat>> FORMATS = new Setting<>(
            "formats",
            ValueTypes.formats(),
            Set.copyOf(EnumSet.allOf(ReportFormat.class)),
            "output.formats",
            "pdf,csv",
            "Report files to write: pdf, csv, or both.",
            "--formats");
    public static final Setting<Boolean> CSV_BOM = new Setting<>(
            "csv-bom",
            ValueTypes.bool(),
            false,
            "output.csv-bom",
            null,
            "Start CSV files with a UTF-8 byte-order mark (helps Excel).",
            "--csv-bom");

    /** Every setting, in the order of {@code --help}, the job parameters and the stored settings. */
    public static final List<Setting<?>> ALL = List.of(
            INPUT,
            OUT,
            TRUST,
            POLICY,
            PARTITIONS,
            CONCURRENCY,
            HANDSHAKE_TIMEOUT,
            CONNECT_TIMEOUT,
            ENDPOINT_TIMEOUT,
            HANDSHAKES,
            TLS,
            ALL_ADDRESSES,
            MAX_ADDRESSES,
            RESPONDER_QUERY,
            RESPONDER_TIMEOUT,
            RESPONDER_ALLOW,
            RESPONDER_DENY,
            MAX_REJECTED_SHARE,
            FORMATS,
            CSV_BOM);

    private Settings() {}

    /** The setting with this canonical key, if there is one. */
    public static Optional<Setting<?>> byKey(String key) {
        return ALL.stream().filter(s -> s.key().equals(key)).findFirst();
    }
}
