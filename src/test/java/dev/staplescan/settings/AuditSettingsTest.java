package dev.staplescan.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.staplescan.scan.ResponderOptions;
import dev.staplescan.scan.ScanOptions;
import dev.staplescan.scan.TlsVersion;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AuditSettingsTest {

    @Test
    void theDefaultsAreTheScannersOwn() {
        AuditSettings d = AuditSettings.defaults();

        assertEquals(ScanOptions.defaults(), d.scanOptions());
        assertEquals(ResponderOptions.defaults(), d.responderOptions());
        assertEquals(4, d.get(Settings.PARTITIONS));
        assertEquals(256, d.get(Settings.CONCURRENCY));
        assertEquals(0.5, d.get(Settings.MAX_REJECTED_SHARE));
        assertEquals(Optional.empty(), d.get(Settings.TRUST));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "partitions         | 0     | must be a whole number from 1 to 256, not '0'",
                "concurrency        | many  | must be a whole number from 1 to 100000, not 'many'",
                "handshakes         | 51    | must be a whole number from 1 to 50, not '51'",
                "max-addresses      | 0     | must be a whole number from 1 to 64, not '0'",
                "max-rejected-share | 1.5   | must be a number from 0 to 1 (a share, e.g. 0.2), not '1.5'",
                "handshake-timeout  | 10    | must be a duration such as 500ms, 10s, 2m, 1h or PT10S, not '10'",
                "connect-timeout    | 0s    | must be a duration from 1ms to 24h, not '0s'",
                "responder-timeout  | 11m   | must be a duration from 1ms to 10m, not '11m'",
                "tls                | 1.1   | must be 1.2, 1.3 or both, not '1.1'",
                "responder-query    | maybe | must be true or false, not 'maybe'",
                "formats            | doc   | unknown format 'doc' (allowed: pdf, csv)",
                "policy             | ' '   | must not be empty"
            })
    void eachWrongValueIsRefusedWithWhatIsAllowed(String key, String value, String problem) {
        Setting<?> s = Settings.byKey(key).orElseThrow();

        SettingException e = assertThrows(SettingException.class, () -> AuditSettings.parse(Map.of(s, value)));

        assertEquals(s, e.setting());
        assertEquals(problem, e.problem());
        assertEquals(key + ": " + problem, e.getMessage());
    }

    @Test
    void concurrencyMustCoverThePartitions() {
        SettingException e = assertThrows(
                SettingException.class,
                () -> AuditSettings.parse(Map.of(Settings.PARTITIONS, "8", Settings.CONCURRENCY, "4")));

        assertEquals(Settings.CONCURRENCY, e.setting());
        assertEquals(
                "must be at least partitions (8), not '4': each partition keeps at least one handshake in flight",
                e.problem());
    }

    @Test
    void theCanonicalTextsReadBackToTheSameSettings() {
        AuditSettings s = AuditSettings.parse(Map.of(
                Settings.TLS, "TLSv1.2",
                Settings.HANDSHAKE_TIMEOUT, "PT1.5S",
                Settings.RESPONDER_TIMEOUT, "250ms",
                Settings.ALL_ADDRESSES, "TRUE",
                Settings.FORMATS, "csv",
                Settings.TRUST, "/etc/ca bundle.pem"));

        Map<String, String> texts = s.canonical();

        assertEquals("1.2", texts.get("tls"));
        assertEquals("1500ms", texts.get("handshake-timeout"));
        assertEquals("250ms", texts.get("responder-timeout"));
        assertEquals("csv", texts.get("formats"));
        assertEquals(Settings.ALL.stream().map(Setting::key).toList(), List.copyOf(texts.keySet()));
        assertEquals(s, AuditSettings.fromCanonical(texts));
        assertEquals(List.of(TlsVersion.TLS_1_2), s.scanOptions().versions());
        assertEquals(Duration.ofMillis(1500), s.scanOptions().handshakeTimeout());
    }

    @Test
    void withChangesOneValueAndChecksAgain() {
        AuditSettings s = AuditSettings.defaults().with(Settings.RESPONDER_QUERY, false);

        assertFalse(s.responderOptions().enabled());
        assertThrows(SettingException.class, () -> s.with(Settings.CONCURRENCY, 1));
    }
}
