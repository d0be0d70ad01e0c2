package dev.staplescan.check.staple;

import static dev.staplescan.check.Scenario.NOW;
import static dev.staplescan.check.staple.StapleTimes.stapling;
import static java.time.Duration.ofDays;
import static java.time.Duration.ofMinutes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class StapleExpiredCheckTest {

    private final StapleExpiredCheck check = new StapleExpiredCheck();

    @Test
    void firesWhenNextUpdatePassedBeyondTheSkewAllowance() {
        // given nextUpdate 10 minutes ago (the default skew allowance is 5 minutes)
        List<String> messages = stapling(ofDays(4), ofMinutes(-10)).messages(check);
        // then
        assertEquals(1, messages.size());
        assertTrue(messages.get(0).contains("nextUpdate " + NOW.minus(ofMinutes(10))), messages.get(0));
    }

    @Test
    void doesNotFireWithinTheSkewAllowance() {
        assertEquals(List.of(), stapling(ofDays(3), ofMinutes(-2)).messages(check));
    }
}
