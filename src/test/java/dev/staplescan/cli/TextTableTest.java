package dev.staplescan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextTableTest {

    @Test
    void theHeaderAndTheRowsShareOneLayout() {
        TextTable table = new TextTable("%-4s %6s%n", "RUN", "RATE%");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

        table.printHeader(out);
        table.printRow(out, 12, "99.5");

        assertEquals(String.format("RUN   RATE%%%n12     99.5%n"), bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aCellWithALineBreakOrEscStaysOneCell() {
        TextTable table = new TextTable("%-4s %s%n", "RUN", "INPUT");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

        table.printRow(out, 3, "/lists/a\nb\u001b[2J.csv");

        assertEquals(String.format("3    /lists/a\\x0ab\\x1b[2J.csv%n"), bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aRowMustFillEveryColumn() {
        TextTable table = new TextTable("%-4s %6s%n", "RUN", "RATE%");

        assertThrows(IllegalArgumentException.class, () -> table.printRow(System.out, 12));
    }
}
