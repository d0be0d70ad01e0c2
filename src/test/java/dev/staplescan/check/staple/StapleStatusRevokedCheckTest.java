package dev.staplescan.check.staple;

import static dev.staplescan.check.Scenario.NOW;
import static dev.staplescan.check.Scenario.chainOf;
import static dev.staplescan.check.Scenario.leaf;
import static dev.staplescan.check.Scenario.spec;
import static dev.staplescan.check.Scenario.staple;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.staplescan.check.Scenario;
import dev.staplescan.lab.pki.CertStatus;
import dev.staplescan.lab.pki.IssuedCert;
import dev.staplescan.scan.TlsVersion;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class StapleStatusRevokedCheckTest {

    private final StapleStatusRevokedCheck check = new StapleStatusRevokedCheck();

    @Test
    void firesWithTheRevocationTimeAndReason() {
        // given a staple saying revoked yesterday (the lab uses reason keyCompromise)
        IssuedCert leaf = leaf();
        byte[] revoked = staple(spec(leaf).withStatus(CertStatus.REVOKED, NOW.minus(Duration.ofDays(1))));
        // when
        List<String> messages = Scenario.endpoint()
                .handshake(TlsVersion.TLS_1_3, chainOf(leaf), revoked)
                .messages(check);
        // then
        assertEquals(1, messages.size());
        assertTrue(
                messages.get(0).contains("revoked at " + NOW.minus(Duration.ofDays(1)))
                        && messages.get(0).contains("keyCompromise"),
                messages.get(0));
    }

    @Test
    void doesNotFireForGood() {
        assertEquals(List.of(), Scenario.goodStapling().messages(check));
    }
}
