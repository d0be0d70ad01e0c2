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
 * STAPLE_EXPIRED: the staple's nextUpdate has passed by more than the policy's clock-skew
 * allowance (RFC 6960 section 3.2 item 5): the server stopped refreshing it.
 */
public final class StapleExpiredCheck implements Check {

    @Override
    public void evaluate(Evidence e, Policy p, Consumer<String> report) {
        OncePerEndpoint.report(e, StapleExpiredCheck::applies, s -> describe(s, e), report);
    }

    private static boolean applies(ServedStaple s) {
        StapleVerification v = s.verification();
        return v.single().validity() == TimeValidity.EXPIRED;
    }

    private static String describe(ServedStaple s, Evidence e) {
        StapleVerification v = s.verification();
        return "the staple expired: nextUpdate " + Fmt.instant(v.single().nextUpdate()) + ", "
                + Fmt.duration(Duration.between(v.single().nextUpdate(), e.now())) + " ago (thisUpdate "
                + Fmt.instant(v.single().thisUpdate()) + ")";
    }
}
