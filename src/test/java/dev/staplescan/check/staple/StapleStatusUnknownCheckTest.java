package dev.staplescan.check.staple;

import static dev.staplescan.check.Scenario.chainOf;
import static dev.staplescan.check.Scenario.leaf;
import static dev.staplescan.check.Scenario.spec;
import static dev.staplescan.check.Scenario.staple;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.staplescan.check.Scenario;
import dev.staplescan.lab.pki.CertStatus;
import dev.staplescan.lab.pki.IssuedCert;
import dev.staplescan.scan.TlsVersion;
import java.util.List;
import org.junit.jupiter.api.Test;

class StapleStatusUnknownCheckTest {

    private final StapleStatusUnknownCheck check = new StapleStatusUnknownCheck();

    @Test
    void firesForUnknown() {
        IssuedCert leaf = leaf();
        byte[] unknown = staple(spec(leaf).withStatus(CertStatus.UNKNOWN, null));
        assertEquals(
                1,
                Scenario.endpoint()
                        .handshake(TlsVersion.TLS_1_2, chainOf(leaf), unknown)
                        .messages(check)
                        .size());
    }

    @Test
    void doesNotFireForRevoked() {
        // given a different non-good status: that is STAPLE_STATUS_REVOKED's business
        IssuedCert leaf = leaf();
        byte[] revoked = staple(spec(leaf).withStatus(CertStatus.REVOKED, null));
        assertEquals(
                List.of(),
                Scenario.endpoint()
                        .handshake(TlsVersion.TLS_1_2, chainOf(leaf), revoked)
                        .messages(check));
    }
}
