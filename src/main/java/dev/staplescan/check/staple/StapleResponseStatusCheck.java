package dev.staplescan.check.staple;

import dev.staplescan.check.Check;
import dev.staplescan.check.Evidence;
import dev.staplescan.check.Policy;
import dev.staplescan.check.ServedStaple;
import dev.staplescan.ocsp.ParseStatus;
import dev.staplescan.ocsp.ResponseStatus;
import dev.staplescan.ocsp.StapleVerification;
import java.util.function.Consumer;

/**
 * STAPLE_RESPONSE_STATUS: the staple is an OCSP error response (RFC 6960 section 4.2.1:
 * responseStatus other than successful, e.g. tryLater), which states no certificate status.
 */
public final class StapleResponseStatusCheck implements Check {

    @Override
    public void evaluate(Evidence e, Policy p, Consumer<String> report) {
        OncePerEndpoint.report(e, StapleResponseStatusCheck::applies, StapleResponseStatusCheck::describe, report);
    }

    private static boolean applies(ServedStaple s) {
        StapleVerification v = s.verification();
        return v.parse() == ParseStatus.PARSED && v.responseStatus() != ResponseStatus.SUCCESSFUL;
    }

    private static String describe(ServedStaple s) {
        StapleVerification v = s.verification();
        return "the staple is an OCSP error response: responseStatus " + v.responseStatus() + " ("
                + v.responseStatus().wireValue() + ")";
    }
}
