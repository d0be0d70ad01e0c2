package dev.staplescan.check.staple;

import dev.staplescan.check.Check;
import dev.staplescan.check.Evidence;
import dev.staplescan.check.Fmt;
import dev.staplescan.check.Policy;
import dev.staplescan.check.ServedStaple;
import dev.staplescan.ocsp.RevocationStatus;
import dev.staplescan.ocsp.StapleVerification;
import java.util.function.Consumer;

/**
 * STAPLE_STATUS_REVOKED: the staple says the served certificate is revoked. Reported whatever the
 * signature: a server handing out "revoked" needs attention either way, and a bad signature is
 * reported by its own check.
 */
public final class StapleStatusRevokedCheck implements Check {

    @Override
    public void evaluate(Evidence e, Policy p, Consumer<String> report) {
        OncePerEndpoint.report(e, StapleStatusRevokedCheck::applies, StapleStatusRevokedCheck::describe, report);
    }

    private static boolean applies(ServedStaple s) {
        StapleVerification v = s.verification();
        return v.single().status() == RevocationStatus.REVOKED;
    }

    private static String describe(ServedStaple s) {
        StapleVerification v = s.verification();
        return "the staple says certificate serial "
                + Fmt.serial(s.chain().leaf().getSerialNumber()) + " was revoked at "
                + Fmt.instant(v.single().revocationTime()) + ", reason "
                + v.single().revocationReason().asn1Name();
    }
}
