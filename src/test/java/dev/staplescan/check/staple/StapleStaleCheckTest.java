package dev.staplescan.check.staple;

import static dev.staplescan.check.staple.StapleTimes.stapling;
import static java.time.Duration.ofDays;
import static java.time.Duration.ofHours;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.staplescan.check.Policy;
import dev.staplescan.check.Threshold;
import java.util.List;
import org.junit.jupiter.api.Test;

class StapleStaleCheckTest {

    private final StapleStaleCheck check = new StapleStaleCheck();

    @Test
    void firesWhenThisUpdateIsOlderThanFourDays() {
        // given a still-valid staple fetched 4 days and 1 hour ago
        List<String> messages = stapling(ofDays(4).plus(ofHours(1)), ofDays(3)).messages(check);
        // then
        assertEquals(1, messages.size());
        assertTrue(messages.get(0).contains("4d 1h old"), messages.get(0));
    }

    @Test
    void doesNotFireOneHourShortOfFourDays() {
        assertEquals(List.of(), stapling(ofDays(4).minus(ofHours(1)), ofDays(3)).messages(check));
    }

    @Test
    void followsThePolicyMaximumAge() {
        Policy strict = Policy.defaults().withThreshold(Threshold.STAPLE_MAX_AGE, ofDays(1));
        assertEquals(1, stapling(ofDays(2), ofDays(3)).messages(check, strict).size());
    }

    @Test
    void doesNotFireForAnExpiredStaple() {
        // given a staple 10 days old and expired: STAPLE_EXPIRED speaks for it
        assertEquals(List.of(), stapling(ofDays(10), ofDays(-3)).messages(check));
    }
}
