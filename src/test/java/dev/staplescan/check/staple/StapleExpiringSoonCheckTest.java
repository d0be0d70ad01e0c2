package dev.staplescan.check.staple;

import static dev.staplescan.check.staple.StapleTimes.stapling;
import static java.time.Duration.ofDays;
import static java.time.Duration.ofHours;
import static java.time.Duration.ofMinutes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class StapleExpiringSoonCheckTest {

    private final StapleExpiringSoonCheck check = new StapleExpiringSoonCheck();

    @Test
    void firesTwentyThreeHoursBeforeNextUpdate() {
        List<String> messages = stapling(ofDays(2), ofHours(23)).messages(check);
        assertEquals(1, messages.size());
        assertTrue(messages.get(0).contains("in 23h 0m"), messages.get(0));
    }

    @Test
    void doesNotFireTwentyFiveHoursBeforeNextUpdate() {
        assertEquals(List.of(), stapling(ofDays(2), ofHours(25)).messages(check));
    }

    @Test
    void doesNotFireOnceExpired() {
        assertEquals(List.of(), stapling(ofDays(2), ofMinutes(-10)).messages(check));
    }
}
