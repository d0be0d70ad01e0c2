package dev.staplescan.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SpreadsheetSafeTest {

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"http://x\",\"y\")", "+1", "-2+3", "@SUM(A1)"})
    void prefixesTextThatStartsWithAFormulaTrigger(String text) {
        assertEquals("'" + text, SpreadsheetSafe.text(text));
    }

    @Test
    void escapesControlCharactersBeforeTheFormulaRule() {
        // a tab or carriage return no longer reaches the cell at all: escaped, it starts no formula
        assertEquals("\\x09cmd", SpreadsheetSafe.text("\tcmd"));
        assertEquals("\\x0d=1", SpreadsheetSafe.text("\r=1"));
        assertEquals("CN=evil\\x1b[2J\\x07", SpreadsheetSafe.text("CN=evil\u001b[2J\u0007"));
        assertEquals("line\\x00", SpreadsheetSafe.text("line\u0000"));
        assertEquals("'=1\\x0a=2", SpreadsheetSafe.text("=1\n=2"));
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
