package dev.staplescan.check.staple;

import static dev.staplescan.check.staple.StapleTimes.stapling;
import static java.time.Duration.ofDays;
import static java.time.Duration.ofMinutes;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class StapleNotYetValidCheckTest {

    private final StapleNotYetValidCheck check = new StapleNotYetValidCheck();

    @Test
    void firesWhenThisUpdateIsBeyondTheSkewAllowanceAhead() {
        assertEquals(1, stapling(ofMinutes(-10), ofDays(3)).messages(check).size());
    }

    @Test
    void doesNotFireWithinTheSkewAllowance() {
        assertEquals(List.of(), stapling(ofMinutes(-2), ofDays(3)).messages(check));
    }
}
