package dev.staplescan.check.responder;

import dev.staplescan.check.Check;
import dev.staplescan.check.Evidence;
import dev.staplescan.check.Fmt;
import dev.staplescan.check.LiveAnswer;
import dev.staplescan.check.Policy;
import dev.staplescan.check.ServedStaple;
import dev.staplescan.ocsp.RevocationStatus;
import dev.staplescan.ocsp.SignatureStatus;
import dev.staplescan.ocsp.StapleVerification;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * OCSP_RESPONDER_DISAGREES: the responder's live answer gives another certificate status than a
 * staple served with the same leaf (typically: the staple says good, the responder now says
 * revoked, so the server serves an outdated response). Only when both are usable: the live answer
 * verified and current, the staple about the leaf, successful and not known to be forged (bad
 * signature or unauthorized signer have their own checks). The staple need not be current: an
 * expired staple that contradicts the responder is exactly the outdated response this is about.
 */
public final class OcspResponderDisagreesCheck implements Check {

    @Override
    public void evaluate(Evidence e, Policy p, Consumer<String> report) {
        for (LiveAnswer live : e.liveAnswers()) {
            if (!live.usable()) {
                continue;
            }
            for (ServedStaple s : e.staples()) {
                if (comparable(s)
                        && s.chain().leaf().equals(live.chain().leaf())
                        && s.verification().single().status() != live.status()) {
                    report.accept(
                            "the staple says " + name(s.verification().single().status()) + " (thisUpdate "
                                    + Fmt.instant(s.verification().single().thisUpdate()) + ") but responder "
                                    + live.answer().url() + " says " + name(live.status()) + " (asked at "
                                    + Fmt.instant(live.answer().queriedAt()) + ") for serial "
                                    + live.answer().serial());
                    break; // one finding per leaf: further staples for it say the same thing again
                }
            }
        }
    }

    static boolean comparable(ServedStaple s) {
        StapleVerification v = s.verification();
        return s.chain() != null
                && v.successful()
                && v.single().match().usable()
                && v.single().status() != RevocationStatus.NOT_APPLICABLE
                && v.signer().signature() != SignatureStatus.INVALID
                && !v.signer().authority().unauthorized();
    }

    private static String name(RevocationStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }
}
