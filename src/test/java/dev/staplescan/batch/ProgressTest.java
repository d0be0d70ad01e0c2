package dev.staplescan.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProgressTest {

    @Test
    void lineShowsDoneTotalPercentAndEtaWhileScanning() {
        Progress p = new Progress();
        p.start(1000, 100);
        p.add(150);
        String line = p.line();
        assertTrue(line.startsWith("scanned 250/1000 (25%), "), line);
        assertTrue(line.contains("ETA "), line);
    }

    @Test
    void noEtaOnceEverythingIsScanned() {
        Progress p = new Progress();
        p.start(10, 0);
        p.add(10);
        assertTrue(p.line().startsWith("scanned 10/10 (100%), "));
        assertTrue(!p.line().contains("ETA"));
    }

    @Test
    void durationsAreWrittenForPeople() {
        assertEquals("42s", Progress.format(Duration.ofSeconds(42)));
        assertEquals("3m05s", Progress.format(Duration.ofSeconds(185)));
        assertEquals("2h03m", Progress.format(Duration.ofMinutes(123)));
    }
}
