package dev.staplescan.check.staple;

import dev.staplescan.check.Check;
import dev.staplescan.check.Evidence;
import dev.staplescan.check.FindingCode;
import dev.staplescan.check.Fmt;
import dev.staplescan.check.Policy;
import dev.staplescan.check.ServedStaple;
import dev.staplescan.ocsp.StapleVerification;
import dev.staplescan.ocsp.TimeValidity;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * STAPLE_STALE: the staple is still usable but its thisUpdate is older than the policy allows
 * (default 4 days: CA/B Forum BR section 4.9.10 has CAs publish a fresh response no later than
 * four days after thisUpdate, so an older staple means the server stopped fetching). An expired
 * staple is reported as STAPLE_EXPIRED instead.
 */
public final class StapleStaleCheck implements Check {

    @Override
    public void evaluate(Evidence e, Policy p, Consumer<String> report) {
        OncePerEndpoint.report(e, s -> applies(s, e, p), s -> describe(s, e, p), report);
    }

    private static boolean applies(ServedStaple s, Evidence e, Policy p) {
        StapleVerification v = s.verification();
        return (v.single().validity() == TimeValidity.CURRENT || v.single().validity() == TimeValidity.NO_NEXT_UPDATE)
                && Duration.between(v.single().thisUpdate(), e.now()).compareTo(p.thresholdOf(FindingCode.STAPLE_STALE))
                        > 0;
    }

    private static String describe(ServedStaple s, Evidence e, Policy p) {
        StapleVerification v = s.verification();
        return "the staple is stale: thisUpdate " + Fmt.instant(v.single().thisUpdate()) + " is "
                + Fmt.duration(Duration.between(v.single().thisUpdate(), e.now())) + " old (policy " + p.name()
                + " allows " + Fmt.duration(p.thresholdOf(FindingCode.STAPLE_STALE)) + ")";
    }
}
