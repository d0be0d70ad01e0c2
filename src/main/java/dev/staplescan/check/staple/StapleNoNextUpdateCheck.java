package dev.staplescan.check.staple;

import dev.staplescan.check.Check;
import dev.staplescan.check.Evidence;
import dev.staplescan.check.Fmt;
import dev.staplescan.check.Policy;
import dev.staplescan.check.ServedStaple;
import dev.staplescan.ocsp.StapleVerification;
import java.util.function.Consumer;

/**
 * STAPLE_NO_NEXT_UPDATE: the SingleResponse about the leaf has no nextUpdate. RFC 6960 section
 * 4.2.2.1 allows it ("newer information is always available"), but it gives the staple no
 * lifetime, the BRs (section 4.9.9) require nextUpdate, and strict clients reject it.
 */
public final class StapleNoNextUpdateCheck implements Check {

    @Override
    public void evaluate(Evidence e, Policy p, Consumer<String> report) {
        OncePerEndpoint.report(e, StapleNoNextUpdateCheck::applies, StapleNoNextUpdateCheck::describe, report);
    }

    private static boolean applies(ServedStaple s) {
        StapleVerification v = s.verification();
        return v.single().match().usable() && v.single().nextUpdate() == null;
    }

    private static String describe(ServedStaple s) {
        StapleVerification v = s.verification();
        return "the staple has no nextUpdate (thisUpdate "
                + Fmt.instant(v.single().thisUpdate()) + ")";
    }
}
