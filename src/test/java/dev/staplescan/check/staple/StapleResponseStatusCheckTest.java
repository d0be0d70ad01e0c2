package dev.staplescan.check.staple;

import static dev.staplescan.check.Scenario.leaf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.staplescan.check.Scenario;
import dev.staplescan.lab.pki.OcspResponses;
import java.util.List;
import org.junit.jupiter.api.Test;

class StapleResponseStatusCheckTest {

    private final StapleResponseStatusCheck check = new StapleResponseStatusCheck();

    @Test
    void firesForAStapledTryLater() {
        // given the server stapled the responder's tryLater (3)
        Scenario s = Scenario.stapling(leaf(), OcspResponses.error(3));
        // when
        List<String> messages = s.messages(check);
        // then
        assertEquals(1, messages.size());
        assertTrue(messages.get(0).contains("TRY_LATER (3)"), messages.get(0));
    }

    @Test
    void doesNotFireForASuccessfulResponse() {
        assertEquals(List.of(), Scenario.goodStapling().messages(check));
    }
}
