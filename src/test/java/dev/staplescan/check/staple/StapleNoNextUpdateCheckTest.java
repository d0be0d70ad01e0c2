package dev.staplescan.check.staple;

import static dev.staplescan.check.staple.StapleTimes.stapling;
import static java.time.Duration.ofDays;
import static java.time.Duration.ofHours;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class StapleNoNextUpdateCheckTest {

    private final StapleNoNextUpdateCheck check = new StapleNoNextUpdateCheck();

    @Test
    void firesWhenNextUpdateIsAbsent() {
        assertEquals(1, stapling(ofHours(1), null).messages(check).size());
    }

    @Test
    void doesNotFireWhenNextUpdateIsPresent() {
        assertEquals(List.of(), stapling(ofHours(1), ofDays(3)).messages(check));
    }
}
