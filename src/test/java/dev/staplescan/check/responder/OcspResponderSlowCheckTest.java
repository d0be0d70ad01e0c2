package dev.staplescan.check.responder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.staplescan.check.Policy;
import dev.staplescan.check.Scenario;
import dev.staplescan.check.Threshold;
import dev.staplescan.lab.pki.IssuedCert;
import dev.staplescan.scan.QueryOutcome;
import dev.staplescan.scan.TlsVersion;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class OcspResponderSlowCheckTest {

    private final OcspResponderSlowCheck check = new OcspResponderSlowCheck();
    private final IssuedCert leaf = Scenario.leaf();

    private Scenario answeredAfter(long millis) {
        return Scenario.endpoint()
                .handshake(TlsVersion.TLS_1_3, Scenario.chainOf(leaf), Scenario.goodStaple(leaf))
                .answer(Scenario.live(leaf, Scenario.goodStaple(leaf), millis));
    }

    @Test
    void firesAboveTheDefaultTwoSeconds() {
        List<String> m = answeredAfter(2001).messages(check);

        assertEquals(1, m.size());
        assertTrue(m.get(0).contains("2001 ms") && m.get(0).contains("at most 2000 ms"), m.get(0));
    }

    @Test
    void nearMissExactlyAtTheThresholdOrATimeoutIsNotSlow() {
        assertEquals(List.of(), answeredAfter(2000).messages(check));
        assertEquals(
                List.of(),
                Scenario.endpoint()
                        .handshake(TlsVersion.TLS_1_3, Scenario.chainOf(leaf), Scenario.goodStaple(leaf))
                        .answer(Scenario.liveFailed(leaf, QueryOutcome.TIMEOUT, "no answer"))
                        .messages(check));
    }

    @Test
    void thePolicyMovesTheThreshold() {
        Policy strict = Policy.defaults().withThreshold(Threshold.RESPONDER_SLOW, Duration.ofMillis(100));

        assertEquals(1, answeredAfter(150).messages(check, strict).size());
    }
}
