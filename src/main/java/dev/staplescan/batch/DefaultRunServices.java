package dev.staplescan.batch;

import dev.staplescan.check.Assessment;
import dev.staplescan.check.Assessor;
import dev.staplescan.check.Policy;
import dev.staplescan.check.TrustAnchors;
import dev.staplescan.input.Target;
import dev.staplescan.policy.Policies;
import dev.staplescan.policy.PolicyException;
import dev.staplescan.report.CsvExporter;
import dev.staplescan.report.PdfReport;
import dev.staplescan.report.ReportFormat;
import dev.staplescan.report.RunData;
import dev.staplescan.scan.Observation;
import dev.staplescan.scan.ResponderOptions;
import dev.staplescan.scan.ResponderProbe;
import dev.staplescan.scan.ScanOptions;
import dev.staplescan.scan.Scanner;
import dev.staplescan.scan.TlsVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.batch.core.job.parameters.JobParameters;

/**
 * The real services of a run: the JSSE {@link Scanner} with the run's timeouts, the live
 * {@link ResponderProbe} (one answer cache for the whole run), the {@link Assessor} with the run's
 * trust anchors and policy, and the CSV and PDF renderers. Built lazily: a restarted run that only
 * has its reports left to write never opens a scanner.
 */
public final class DefaultRunServices implements RunServices, AutoCloseable {

    private final ScanOptions scanOptions;
    private final ResponderOptions responderOptions;
    private final Path trust;
    private final Policy policy;
    private final boolean csvBom;
    private final Set<ReportFormat> formats;
    private volatile Scanner scanner;
    private volatile ResponderProbe probe;
    private volatile TrustAnchors anchors;
    private volatile Assessor assessor;

    public DefaultRunServices(ScanOptions scanOptions, Path trust, Policy policy, boolean csvBom) {
        this(scanOptions, ResponderOptions.defaults(), trust, policy, csvBom, EnumSet.allOf(ReportFormat.class));
    }

    public DefaultRunServices(
            ScanOptions scanOptions,
            ResponderOptions responderOptions,
            Path trust,
            Policy policy,
            boolean csvBom,
            Set<ReportFormat> formats) {
        this.scanOptions = scanOptions;
        this.responderOptions = responderOptions;
        this.trust = trust;
        this.policy = policy;
        this.csvBom = csvBom;
        this.formats = Set.copyOf(formats);
    }

    /** Builds the services from an audit job's parameters. */
    public static DefaultRunServices fromJobParameters(JobParameters p) {
        ScanOptions options = ScanOptions.defaults()
                .withConnectTimeout(Duration.ofMillis(p.getLong(JobKeys.CONNECT_TIMEOUT_MS)))
                .withHandshakeTimeout(Duration.ofMillis(p.getLong(JobKeys.HANDSHAKE_TIMEOUT_MS)))
                .withTotalTimeout(Duration.ofMillis(p.getLong(JobKeys.TOTAL_TIMEOUT_MS)))
                .withHandshakesPerVersion(
                        p.getLong(JobKeys.HANDSHAKES_PER_VERSION).intValue());
        // Runs started before these parameters existed scanned both versions on the first address.
        String versions = p.getString(JobKeys.TLS_VERSIONS);
        if (versions != null && !versions.isEmpty()) {
            options = options.withVersions(
                    Arrays.stream(versions.split(",")).map(TlsVersion::valueOf).toArray(TlsVersion[]::new));
        }
        Long maxAddresses = p.getLong(JobKeys.MAX_ADDRESSES);
        options = options.withAllAddresses(
                Boolean.parseBoolean(p.getString(JobKeys.ALL_ADDRESSES)),
                maxAddresses == null ? options.maxAddresses() : maxAddresses.intValue());
        // Runs started by an older staplescan have neither key: the query's defaults apply on restart.
        String query = p.getString(JobKeys.RESPONDER_QUERY);
        Long timeoutMs = p.getLong(JobKeys.RESPONDER_TIMEOUT_MS);
        ResponderOptions responder = ResponderOptions.defaults()
                .withEnabled(query == null || Boolean.parseBoolean(query))
                .withTimeout(timeoutMs == null ? ResponderOptions.DEFAULT_TIMEOUT : Duration.ofMillis(timeoutMs));
        String trust = p.getString(JobKeys.TRUST);
        return new DefaultRunServices(
                options,
                responder,
                trust == null || trust.isEmpty() ? null : Path.of(trust),
                policy(p),
                Boolean.parseBoolean(p.getString(JobKeys.CSV_BOM)),
                ReportFormat.parse(p.getString(JobKeys.FORMATS)));
    }

    /**
     * The run's policy, loaded again from its reference. A restart must judge by the rules the run
     * started with: when the file now says something else, the run stops rather than mixing policies.
     */
    static Policy policy(JobParameters p) {
        String reference = p.getString(JobKeys.POLICY);
        Policies.Loaded loaded = Policies.load(reference == null ? "default" : reference);
        String digest = p.getString(JobKeys.POLICY_DIGEST);
        if (digest != null && !digest.equals(loaded.digest())) {
            throw new PolicyException(
                    reference,
                    0,
                    "the policy changed since this run started (SHA-256 of its " + "settings was " + digest + ", is "
                            + loaded.digest() + "); restore it, or start a new run");
        }
        return loaded.policy();
    }

    /** Services for re-rendering a stored run: no scanning, no assessment. */
    public static DefaultRunServices forReports(boolean csvBom) {
        return new DefaultRunServices(
                ScanOptions.defaults(),
                ResponderOptions.off(),
                null,
                Policy.defaults(),
                csvBom,
                EnumSet.allOf(ReportFormat.class));
    }

    @Override
    public Observation scan(Target target) {
        Scanner s = scanner;
        ResponderProbe r = probe;
        if (s == null || r == null) {
            synchronized (this) {
                if (scanner == null) {
                    scanner = new Scanner(scanOptions);
                }
                if (probe == null) {
                    TrustAnchors a = anchors();
                    probe = new ResponderProbe(responderOptions, a::withSubject);
                }
                s = scanner;
                r = probe;
            }
        }
        // The live query belongs to the scan phase (network); it only adds facts to the observation.
        return r.probe(s.scan(target));
    }

    @Override
    public Assessment assess(Observation observation) {
        Assessor a = assessor;
        if (a == null) {
            synchronized (this) {
                if (assessor == null) {
                    assessor = new Assessor(anchors(), policy);
                }
                a = assessor;
            }
        }
        return a.assess(observation);
    }

    /** How this run scans, for tests and diagnostics. */
    ScanOptions scanOptions() {
        return scanOptions;
    }

    /** The run's trust anchors, loaded once: the scan needs them to find issuers, assessment to validate. */
    private synchronized TrustAnchors anchors() {
        if (anchors == null) {
            anchors = trust == null ? TrustAnchors.jdkDefault() : TrustAnchors.jdkDefaultPlus(trust);
        }
        return anchors;
    }

    @Override
    public void writeReports(RunData data, Path dir) throws Exception {
        Files.createDirectories(dir);
        if (formats.contains(ReportFormat.CSV)) {
            new CsvExporter(csvBom).export(data, dir);
        }
        if (formats.contains(ReportFormat.PDF)) {
            new PdfReport().render(data, dir.resolve("report.pdf"));
        }
    }

    @Override
    public String policyName() {
        return policy.name();
    }

    @Override
    public void close() {
        Scanner s = scanner;
        if (s != null) {
            s.close();
        }
        ResponderProbe r = probe;
        if (r != null) {
            r.close();
        }
    }
}
