package dev.staplescan.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.staplescan.scan.TlsVersion;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValueTypesTest {

    private final ValueType<Duration> durations = ValueTypes.duration(Duration.ofMillis(1), Duration.ofHours(24));

    @ParameterizedTest(name = "{0}")
    @CsvSource({"500ms, PT0.5S, 500ms", "10s, PT10S, 10s", " 2M , PT2M, 2m", "1h, PT1H, 1h", "PT1M30S, PT1M30S, 90s"})
    void durationsAsOperatorsWriteThem(String text, Duration expected, String canonical) {
        assertEquals(expected, durations.parse(text));
        assertEquals(canonical, durations.format(expected));
        assertEquals(expected, durations.parse(canonical));
    }

    @Test
    void tlsChoicesAndCommonSpellings() {
        ValueType<TlsChoice> tls = ValueTypes.tls();

        assertEquals(List.of(TlsVersion.TLS_1_2), tls.parse("1.2").versions());
        assertEquals(List.of(TlsVersion.TLS_1_3), tls.parse("TLSv1.3").versions());
        assertEquals(
                List.of(TlsVersion.TLS_1_3, TlsVersion.TLS_1_2),
                tls.parse("Both").versions());
        assertEquals("both", tls.format(TlsChoice.BOTH));
        assertEquals(
                "must be 1.2, 1.3 or both, not '1.1'",
                assertThrows(ValueType.BadValueException.class, () -> tls.parse("1.1"))
                        .getMessage());
    }

    @Test
    void formatsNeedAtLeastOne() {
        assertEquals(
                "must name at least one format (allowed: pdf, csv)",
                assertThrows(
                                ValueType.BadValueException.class,
                                () -> ValueTypes.formats().parse(""))
                        .getMessage());
        assertEquals("pdf,csv", ValueTypes.formats().format(ValueTypes.formats().parse("csv, PDF")));
    }
}
