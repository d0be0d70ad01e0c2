package dev.staplescan.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PrintableTest {

    @Test
    void controlCharactersFromAServerBecomeVisibleEscapes() {
        String subject = "CN=evil\u001b]0;owned\u0007\u001b[2J\r\nverdict,PASS\u0000";

        String shown = Printable.escape(subject);

        assertEquals("CN=evil\\x1b]0;owned\\x07\\x1b[2J\\x0d\\x0averdict,PASS\\x00", shown);
        assertTrue(shown.chars().noneMatch(c -> c < 0x20 || c == 0x7f), shown);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "\u007f|\\x7f",
                "\u009b31m|\\x9b31m", // C1 CSI: one character on some terminals
                "a\u202eexe.pdf|a\\u202eexe.pdf", // bidi override ("Trojan Source")
                "x\u2028y|x\\u2028y",
                "\u2066\u2069|\\u2066\\u2069",
                "\ud800x|\\ud800x", // an unpaired surrogate
            })
    void unicodeControlsAreEscapedToo(String text, String expected) {
        assertEquals(expected, Printable.escape(text));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "web.example.com",
                "CN=Example\\, Inc.,O=Ex",
                "C:\\reports\\out",
                "bücher.example",
                "日本語",
                "emoji \ud83d\ude00 pair",
                ""
            })
    void ordinaryTextIsLeftExactlyAsItIs(String text) {
        assertSame(text, Printable.escape(text));
    }

    @Test
    void aBackslashIsDoubledOnlyWhereItWouldStartAnEscape() {
        String[][] cases = {
            {"a\\x1b", "a\\\\x1b"}, // a literal backslash-x stays recoverable
            {"\\u0041", "\\\\u0041"},
            {"\\\\", "\\\\\\"}, // the first would start an escape, the last cannot
            {"\\\u001b", "\\\\\\x1b"},
            {"end\\", "end\\"},
            {"CN=a\\,b", "CN=a\\,b"},
        };
        for (String[] c : cases) {
            assertEquals(c[1], Printable.escape(c[0]), c[0]);
            assertEquals(c[0], Printable.unescape(c[1]), c[1]);
        }
    }

    @Test
    void theExactValueIsAlwaysRecoverable() {
        Random random = new Random(20261201); // fixed seed: a failure is reproducible
        char[] alphabet = {
            'a', 'x', 'u', '0', 'f', '\\', '\u001b', '\n', '\t', '\u0000', '\u009b', '\u202e', '\ud800', '\udc00',
            '\u00e9'
        };
        for (int i = 0; i < 20_000; i++) {
            StringBuilder s = new StringBuilder();
            for (int n = random.nextInt(12); n > 0; n--) {
                s.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String text = s.toString();
            String escaped = Printable.escape(text);
            String lines = Printable.escapeKeepingLines(text);

            assertEquals(text, Printable.unescape(escaped), escaped);
            assertEquals(text, Printable.unescape(lines), lines);
            assertTrue(escaped.chars().allMatch(c -> c >= 0x20 && c != 0x7f && !(c >= 0x80 && c <= 0x9f)), escaped);
        }
    }

    @Test
    void terminalOutputKeepsItsOwnLineBreaks() {
        assertEquals("a\nb\tc\r\n\\x1b[31m", Printable.escapeKeepingLines("a\nb\tc\r\n\u001b[31m"));
    }

    @Test
    void nullStaysNull() {
        assertNull(Printable.escape(null));
        assertNull(Printable.unescape(null));
    }
}
