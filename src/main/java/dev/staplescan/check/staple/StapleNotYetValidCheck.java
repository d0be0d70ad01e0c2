package dev.staplescan.check.staple;

import dev.staplescan.check.Check;
import dev.staplescan.check.Evidence;
import dev.staplescan.check.Fmt;
import dev.staplescan.check.Policy;
import dev.staplescan.check.ServedStaple;
import dev.staplescan.ocsp.StapleVerification;
import dev.staplescan.ocsp.TimeValidity;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * STAPLE_NOT_YET_VALID: the staple's thisUpdate is later than now plus the clock-skew allowance
 * (RFC 6960 section 3.2 item 4): the responder's or the server's clock is wrong.
 */
public final class StapleNotYetValidCheck implements Check {

    @Override
    public void evaluate(Evidence e, Policy p, Consumer<String> report) {
        OncePerEndpoint.report(e, StapleNotYetValidCheck::applies, s -> describe(s, e, p), report);
    }

    private static boolean applies(ServedStaple s) {
        StapleVerification v = s.verification();
        return v.single().validity() == TimeValidity.NOT_YET_VALID;
    }

    private static String describe(ServedStaple s, Evidence e, Policy p) {
        StapleVerification v = s.verification();
        return "the staple is not valid yet: thisUpdate "
                + Fmt.instant(v.single().thisUpdate()) + " is "
                + Fmt.duration(Duration.between(e.now(), v.single().thisUpdate())) + " ahead (clock-skew allowance "
                + Fmt.duration(p.clockSkew()) + ")";
    }
}
