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
 * STAPLE_STATUS_UNKNOWN: the staple says the responder does not know the served certificate
 * (RFC 6960 section 2.2): a responder for another CA, or a certificate it has not published yet.
 */
public final class StapleStatusUnknownCheck implements Check {

    @Override
    public void evaluate(Evidence e, Policy p, Consumer<String> report) {
        OncePerEndpoint.report(e, StapleStatusUnknownCheck::applies, StapleStatusUnknownCheck::describe, report);
    }

    private static boolean applies(ServedStaple s) {
        StapleVerification v = s.verification();
        return v.single().status() == RevocationStatus.UNKNOWN;
    }

    private static String describe(ServedStaple s) {
        return "the staple says status unknown for certificate serial "
                + Fmt.serial(s.chain().leaf().getSerialNumber());
    }
}
