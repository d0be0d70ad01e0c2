package dev.staplescan.batch;

import dev.staplescan.check.Assessment;
import dev.staplescan.check.Assessor;
import dev.staplescan.check.Policy;
import dev.staplescan.check.TrustAnchors;
import dev.staplescan.input.Target;
import dev.staplescan.report.CsvExporter;
import dev.staplescan.report.PdfReport;
import dev.staplescan.report.ReportFormat;
import dev.staplescan.report.RunData;
import dev.staplescan.scan.Observation;
import dev.staplescan.scan.ScanOptions;
import dev.staplescan.scan.Scanner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.batch.core.job.parameters.JobParameters;

/**
 * The real services of a run: the JSSE {@link Scanner} with the run's timeouts, the {@link Assessor}
 * with the run's trust anchors and policy, and the CSV and PDF renderers. Built lazily: a restarted
 * run that only has its reports left to write never opens a scanner.
 */
public final class DefaultRunServices implements RunServices, AutoCloseable {

    private final ScanOptions scanOptions;
    private final Path trust;
    private final Policy policy;
    private final boolean csvBom;
    private final Set<ReportFormat> formats;
    private volatile Scanner scanner;
    private volatile Assessor assessor;

    public DefaultRunServices(ScanOptions scanOptions, Path trust, Policy policy, boolean csvBom) {
        this(scanOptions, trust, policy, csvBom, EnumSet.allOf(ReportFormat.class));
    }

    public DefaultRunServices(ScanOptions scanOptions, Path trust, Policy policy, boolean csvBom,
            Set<ReportFormat> formats) {
        this.scanOptions = scanOptions;
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
                .withHandshakesPerVersion(p.getLong(JobKeys.HANDSHAKES_PER_VERSION).intValue());
        String trust = p.getString(JobKeys.TRUST);
        return new DefaultRunServices(options, trust == null || trust.isEmpty() ? null : Path.of(trust),
                Policy.defaults(), Boolean.parseBoolean(p.getString(JobKeys.CSV_BOM)),
                ReportFormat.parse(p.getString(JobKeys.FORMATS)));
    }

    /** Services for re-rendering a stored run: no scanning, no assessment. */
    public static DefaultRunServices forReports(boolean csvBom) {
        return new DefaultRunServices(ScanOptions.defaults(), null, Policy.defaults(), csvBom);
    }

    @Override
    public Observation scan(Target target) {
        Scanner s = scanner;
        if (s == null) {
            synchronized (this) {
                if (scanner == null) {
                    scanner = new Scanner(scanOptions);
                }
                s = scanner;
            }
        }
        return s.scan(target);
    }

    @Override
    public Assessment assess(Observation observation) {
        Assessor a = assessor;
        if (a == null) {
            synchronized (this) {
                if (assessor == null) {
                    assessor = new Assessor(trust == null ? TrustAnchors.jdkDefault() : TrustAnchors.jdkDefaultPlus(trust),
                            policy);
                }
                a = assessor;
            }
        }
        return a.assess(observation);
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
    }
}
