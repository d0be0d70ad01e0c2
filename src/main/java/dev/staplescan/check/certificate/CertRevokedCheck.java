package dev.staplescan.check.certificate;

import dev.staplescan.check.Check;
import dev.staplescan.check.Evidence;
import dev.staplescan.check.Fmt;
import dev.staplescan.check.LiveAnswer;
import dev.staplescan.check.Policy;
import dev.staplescan.ocsp.RevocationStatus;
import dev.staplescan.ocsp.SingleResponseCheck;
import java.util.function.Consumer;

/**
 * CERT_REVOKED: the CA's responder, asked live, says the presented certificate is revoked, whatever
 * the server staples (or whether it staples at all). Only a verified, current answer counts: a
 * forged "revoked" must not raise the most severe finding (it is OCSP_RESPONDER_UNREACHABLE). A
 * staple saying revoked is STAPLE_STATUS_REVOKED; this check needs the live query.
 */
public final class CertRevokedCheck implements Check {

    @Override
    public void evaluate(Evidence e, Policy p, Consumer<String> report) {
        for (LiveAnswer live : e.liveAnswers()) {
            if (live.status() == RevocationStatus.REVOKED) {
                SingleResponseCheck single = live.verification().single();
                report.accept("responder " + live.answer().url() + " says certificate "
                        + Fmt.cert(live.chain().leaf())
                        + " was revoked at " + Fmt.instant(single.revocationTime()) + ", reason "
                        + single.revocationReason().asn1Name() + " (asked at "
                        + Fmt.instant(live.answer().queriedAt())
                        + ")");
            }
        }
    }
}
