package dev.staplescan.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SpreadsheetSafeTest {

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"http://x\",\"y\")", "+1", "-2+3", "@SUM(A1)", "\tcmd", "\r=1"})
    void prefixesTextThatStartsWithAFormulaTrigger(String text) {
        assertEquals("'" + text, SpreadsheetSafe.text(text));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "web.example.com|web.example.com",
                "team a=b|team a=b",
                "'=quoted|'=quoted",
                "CN=web.example.com, O=Example|CN=web.example.com, O=Example",
                "1.2.3.4|1.2.3.4",
            })
    void leavesOtherTextAlone(String text, String expected) {
        assertEquals(expected, SpreadsheetSafe.text(text));
    }

    @Test
    void writesUnknownAsEmpty() {
        assertEquals("", SpreadsheetSafe.text(null));
        assertEquals("", SpreadsheetSafe.text(""));
    }
}
