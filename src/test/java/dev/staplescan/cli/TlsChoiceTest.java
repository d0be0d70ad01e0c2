package dev.staplescan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.staplescan.scan.TlsVersion;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class TlsChoiceTest {

    private final TlsChoice.Converter converter = new TlsChoice.Converter();

    @Test
    void acceptsTheDocumentedValuesAndCommonSpellings() {
        assertEquals(List.of(TlsVersion.TLS_1_2), converter.convert("1.2").versions());
        assertEquals(List.of(TlsVersion.TLS_1_3), converter.convert("TLSv1.3").versions());
        assertEquals(
                List.of(TlsVersion.TLS_1_3, TlsVersion.TLS_1_2),
                converter.convert("Both").versions());
        assertEquals("both", TlsChoice.BOTH.toString());
    }

    @Test
    void rejectsOtherVersionsWithTheAllowedValues() {
        assertEquals(
                "'1.1' is not a TLS choice; use 1.2, 1.3 or both",
                assertThrows(TypeConversionException.class, () -> converter.convert("1.1"))
                        .getMessage());
    }
}
