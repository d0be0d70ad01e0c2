package dev.staplescan.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/** The settings of runs stored by staplescan before version 2 of the settings (commit 1d8fd14), in their exact forms. */
class LegacySettingsTest {

    /** {@code ss_run.options} as 1d8fd14's {@code AuditLauncher.describe} wrote it for {@code staplescan demo}. */
    static final String DEMO_OPTIONS = "partitions=4 concurrency=256 connectTimeout=PT2S handshakeTimeout=PT3S "
            + "endpointTimeout=PT15S handshakes=2 tls=[TLS_1_3, TLS_1_2] allAddresses=no responderQuery=true "
            + "responderTimeout=PT5S policy=default trust=/tmp/demo out/lab-ca.pem";

    /** The job parameters 1d8fd14's {@code AuditLauncher.start} gave a run, with every key it wrote. */
    static JobParameters oldParameters() {
        return new JobParametersBuilder()
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
                .addString("csv.bom", "true", false)
                .addString("responder.query", "false", false)
                .addLong("responder.timeout.ms", 1500L, false)
                .addString("tls.versions", "TLS_1_2", false)
                .addString("all.addresses", "true", false)
                .addLong("max.addresses", 8L, false)
                .addString("formats", "csv", false)
                .toJobParameters();
    }

    @Test
    void everyOldJobParameterBecomesItsSetting() {
        AuditSettings s = LegacySettings.fromJobParameters(oldParameters());

        assertEquals(Optional.of(Path.of("/srv/lists/fleet.csv")), s.get(Settings.INPUT));
        assertEquals(Optional.of(Path.of("/srv/reports/run-7")), s.get(Settings.OUT));
        assertEquals(Optional.empty(), s.get(Settings.TRUST));
        assertEquals("baseline-requirements", s.get(Settings.POLICY));
        assertEquals(8, s.get(Settings.PARTITIONS));
        assertEquals(512, s.get(Settings.CONCURRENCY));
        assertEquals(Duration.ofSeconds(1), s.get(Settings.CONNECT_TIMEOUT));
        assertEquals(Duration.ofSeconds(2), s.get(Settings.HANDSHAKE_TIMEOUT));
        assertEquals(Duration.ofSeconds(9), s.get(Settings.ENDPOINT_TIMEOUT));
        assertEquals(3, s.get(Settings.HANDSHAKES));
        assertEquals(0.2, s.get(Settings.MAX_REJECTED_SHARE));
        assertTrue(s.get(Settings.CSV_BOM));
        assertFalse(s.get(Settings.RESPONDER_QUERY));
        assertEquals(Duration.ofMillis(1500), s.get(Settings.RESPONDER_TIMEOUT));
        assertEquals(TlsChoice.TLS_1_2, s.get(Settings.TLS));
        assertTrue(s.get(Settings.ALL_ADDRESSES));
        assertEquals(8, s.get(Settings.MAX_ADDRESSES));
        assertEquals(Set.of(ReportFormat.CSV), s.get(Settings.FORMATS));
    }

    @Test
    void keysOlderVersionsDidNotWriteTakeTheValuesTheyUsed() {
        JobParameters p = new JobParametersBuilder()
                .addLong("run.id", 1L)
                .addString("input", "/l.csv", false)
                .addString("out", "/o", false)
                .addString("trust", "/ca.pem", false)
                .addString("policy", "default", false)
                .addLong("partitions", 4L, false)
                .addLong("concurrency", 256L, false)
                .addLong("connect.timeout.ms", 5000L, false)
                .addLong("handshake.timeout.ms", 10000L, false)
                .addLong("total.timeout.ms", 30000L, false)
                .addLong("handshakes.per.version", 1L, false)
                .addDouble("max.rejected.share", 0.5, false)
                .addString("csv.bom", "false", false)
                .toJobParameters();

        AuditSettings s = LegacySettings.fromJobParameters(p);

        assertEquals(AuditSettings.defaults().scanOptions(), s.scanOptions());
        assertEquals(AuditSettings.defaults().responderOptions(), s.responderOptions());
        assertEquals(Set.of(ReportFormat.PDF, ReportFormat.CSV), s.get(Settings.FORMATS));
        assertEquals(Optional.of(Path.of("/ca.pem")), s.get(Settings.TRUST));
    }

    @Test
    void theOldOptionsTextGivesWhatItRecorded() {
        Map<Setting<?>, Object> v = LegacySettings.fromOptionsText(DEMO_OPTIONS);

        assertEquals(4, v.get(Settings.PARTITIONS));
        assertEquals(Duration.ofSeconds(2), v.get(Settings.CONNECT_TIMEOUT));
        assertEquals(Duration.ofSeconds(3), v.get(Settings.HANDSHAKE_TIMEOUT));
        assertEquals(Duration.ofSeconds(15), v.get(Settings.ENDPOINT_TIMEOUT));
        assertEquals(2, v.get(Settings.HANDSHAKES));
        assertEquals(TlsChoice.BOTH, v.get(Settings.TLS));
        assertEquals(false, v.get(Settings.ALL_ADDRESSES));
        assertEquals(Duration.ofSeconds(5), v.get(Settings.RESPONDER_TIMEOUT));
        assertEquals("default", v.get(Settings.POLICY));
        assertEquals(
                Optional.of(Path.of("/tmp/demo out/lab-ca.pem")),
                v.get(Settings.TRUST),
                "the last value may hold spaces");
        assertFalse(v.containsKey(Settings.MAX_REJECTED_SHARE), "never recorded in the text");
    }

    @Test
    void olderTextsRecordedLessAndThatIsNotGuessed() {
        Map<Setting<?>, Object> v = LegacySettings.fromOptionsText("partitions=4 concurrency=256 "
                + "connectTimeout=PT5S handshakeTimeout=10 seconds endpointTimeout=PT30S handshakes=1 policy=default "
                + "trust=- allAddresses=max 8");

        assertEquals(Duration.ofSeconds(5), v.get(Settings.CONNECT_TIMEOUT));
        assertFalse(v.containsKey(Settings.HANDSHAKE_TIMEOUT), "unreadable: not recorded");
        assertFalse(v.containsKey(Settings.TLS));
        assertEquals(Optional.empty(), v.get(Settings.TRUST));
        assertEquals(true, v.get(Settings.ALL_ADDRESSES));
        assertEquals(8, v.get(Settings.MAX_ADDRESSES));
        assertTrue(LegacySettings.fromOptionsText("").isEmpty());
    }
}
