package dev.staplescan.settings;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/** Settings exactly as staplescan stored them before version 2 of the settings (commit 1d8fd14 and older). */
public final class OldRuns {

    /** {@code ss_run.options} as 1d8fd14's {@code AuditLauncher.describe} wrote it for {@code staplescan demo}. */
    public static final String DEMO_OPTIONS = "partitions=4 concurrency=256 connectTimeout=PT2S handshakeTimeout=PT3S "
            + "endpointTimeout=PT15S handshakes=2 tls=[TLS_1_3, TLS_1_2] allAddresses=no responderQuery=true "
            + "responderTimeout=PT5S policy=default trust=/tmp/demo out/lab-ca.pem";

    private OldRuns() {}

    /**
     * The job parameters 1d8fd14's {@code AuditLauncher.start} gave run 7; without {@code laterKeys}, those
     * of an older version, which did not yet write the TLS, address, responder and format keys.
     */
    public static JobParameters parameters(boolean laterKeys) {
        JobParametersBuilder p = new JobParametersBuilder()
                .addLong("run.id", 7L)
                .addString("input", "/srv/lists/fleet.csv", false)
                .addString("out", "/srv/reports/run-7", false)
                .addString("trust", "", false)
                .addString("policy", "baseline-requirements", false)
                .addString("policy.sha256", "ab12", false)
                .addLong("partitions", 8L, false)
                .addLong("concurrency", 512L, false)
                .addLong("connect.timeout.ms", 1000L, false)
                .addLong("handshake.timeout.ms", 2000L, false)
                .addLong("total.timeout.ms", 9000L, false)
                .addLong("handshakes.per.version", 3L, false)
                .addDouble("max.rejected.share", 0.2, false)
                .addString("csv.bom", "true", false);
        if (laterKeys) {
            p.addString("responder.query", "false", false)
                    .addLong("responder.timeout.ms", 1500L, false)
                    .addString("tls.versions", "TLS_1_2", false)
                    .addString("all.addresses", "true", false)
                    .addLong("max.addresses", 8L, false)
                    .addString("formats", "csv", false);
        }
        return p.toJobParameters();
    }
}
