package dev.staplescan.check.responder;

import dev.staplescan.check.Check;
import dev.staplescan.check.Evidence;
import dev.staplescan.check.LiveAnswer;
import dev.staplescan.check.Policy;
import java.util.function.Consumer;

/**
 * OCSP_RESPONDER_UNREACHABLE: the responder named in the leaf gave no usable answer: connect error,
 * timeout, HTTP error or redirect, an oversized or non-OCSP body, a non-successful responseStatus,
 * or a response that fails verification like a staple would (RFC 6960 section 3.2). Whatever the
 * cause, a server could not refresh its staple from it either. Not reported when the query was not
 * made for a reason of ours (issuer unknown, internal error).
 */
public final class OcspResponderUnreachableCheck implements Check {

    @Override
    public void evaluate(Evidence e, Policy p, Consumer<String> report) {
        for (LiveAnswer live : e.liveAnswers()) {
            if (live.state() == LiveAnswer.State.UNUSABLE) {
                String took = live.answer().sent() ? " after " + live.answer().elapsedMillis() + " ms" : "";
                report.accept("responder " + live.answer().url() + " gave no usable answer for serial "
                        + live.answer().serial() + took + ": " + live.problem());
            }
        }
    }
}
