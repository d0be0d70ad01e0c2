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
 * STAPLE_EXPIRING_SOON: the staple is current but its nextUpdate is closer than the policy
 * allows: a server that refreshes properly fetches a new response well before that.
 */
public final class StapleExpiringSoonCheck implements Check {

    @Override
    public void evaluate(Evidence e, Policy p, Consumer<String> report) {
        OncePerEndpoint.report(e, s -> applies(s, e, p), s -> describe(s, e, p), report);
    }

    private static boolean applies(ServedStaple s, Evidence e, Policy p) {
        StapleVerification v = s.verification();
        return v.single().validity() == TimeValidity.CURRENT
                && Duration.between(e.now(), v.single().nextUpdate())
                                .compareTo(p.thresholdOf(FindingCode.STAPLE_EXPIRING_SOON))
                        < 0;
    }

    private static String describe(ServedStaple s, Evidence e, Policy p) {
        StapleVerification v = s.verification();
        Duration left = Duration.between(e.now(), v.single().nextUpdate());
        String when = left.isNegative()
                ? Fmt.duration(left) + " ago, within the clock-skew allowance"
                : "in " + Fmt.duration(left);
        return "the staple expires soon: nextUpdate " + Fmt.instant(v.single().nextUpdate()) + ", " + when + " (policy "
                + p.name() + " warns " + Fmt.duration(p.thresholdOf(FindingCode.STAPLE_EXPIRING_SOON)) + " ahead)";
    }
}
