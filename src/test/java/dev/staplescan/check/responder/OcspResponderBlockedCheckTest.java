package dev.staplescan.check.responder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.staplescan.check.FindingCode;
import dev.staplescan.check.Scenario;
import dev.staplescan.check.Severity;
import dev.staplescan.lab.pki.IssuedCert;
import dev.staplescan.scan.QueryOutcome;
import dev.staplescan.scan.ResponderAnswer;
import java.util.List;
import org.junit.jupiter.api.Test;

class OcspResponderBlockedCheckTest {

    private static final String WHY =
            "refused by responder policy: 169.254.169.254 is a link-local address (cloud metadata services live "
                    + "there), never queried";

    private final OcspResponderBlockedCheck check = new OcspResponderBlockedCheck();
    private final IssuedCert leaf = Scenario.leaf();

    private List<String> messages(ResponderAnswer answer) {
        return Scenario.liveAnswerMessages(check, leaf, answer);
    }

    @Test
    void firesWhenThePolicyRefusedTheResponder() {
        List<String> m = messages(Scenario.notSent(leaf, QueryOutcome.POLICY_REFUSED, WHY));

        assertEquals(1, m.size());
        assertTrue(m.get(0).contains(Scenario.OCSP_URL) && m.get(0).endsWith(": " + WHY), m.get(0));
    }

    @Test
    void nearMissAnUntrustedChainAFailedQueryOrAnAnswerAreNotBlocks() {
        assertEquals(
                List.of(),
                messages(Scenario.notSent(leaf, QueryOutcome.CHAIN_NOT_TRUSTED, "not queried: chain not trusted")));
        assertEquals(List.of(), messages(Scenario.liveFailed(leaf, QueryOutcome.CONNECT_FAILED, "refused")));
        assertEquals(List.of(), messages(Scenario.live(leaf, Scenario.goodStaple(leaf), 12)));
    }

    @Test
    void isInformationalByDefault() {
        // A refusal is the scanner's choice, not the server's fault: it never fails an endpoint by default.
        assertEquals(Severity.INFO, FindingCode.OCSP_RESPONDER_BLOCKED.defaultSeverity());
    }
}
