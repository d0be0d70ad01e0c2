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

/** The settings of runs stored by staplescan before version 2 of the settings (commit 1d8fd14), in their exact forms. */
class LegacySettingsTest {

    @Test
    void everyOldJobParameterBecomesItsSetting() {
        AuditSettings s = LegacySettings.fromJobParameters(OldRuns.parameters(true));

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
        AuditSettings s = LegacySettings.fromJobParameters(OldRuns.parameters(false));

        assertEquals(TlsChoice.BOTH, s.get(Settings.TLS));
        assertFalse(s.get(Settings.ALL_ADDRESSES));
        assertEquals(AuditSettings.defaults().responderOptions(), s.responderOptions());
        assertEquals(Set.of(ReportFormat.PDF, ReportFormat.CSV), s.get(Settings.FORMATS));
        assertEquals(3, s.get(Settings.HANDSHAKES));
    }

    @Test
    void theOldOptionsTextGivesWhatItRecorded() {
        Map<Setting<?>, Object> v = LegacySettings.fromOptionsText(OldRuns.DEMO_OPTIONS);

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
