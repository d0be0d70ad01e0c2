package dev.staplescan.check.responder;

import dev.staplescan.check.Check;
import dev.staplescan.check.Evidence;
import dev.staplescan.check.FindingCode;
import dev.staplescan.check.LiveAnswer;
import dev.staplescan.check.Policy;
import java.util.function.Consumer;

/**
 * OCSP_RESPONDER_SLOW: the responder gave a usable answer, but took longer than the policy's
 * {@code responder-slow} threshold (default 2 s). Servers fetching staples inline may give up first.
 * An answer that never came, or came unusable, is OCSP_RESPONDER_UNREACHABLE instead.
 */
public final class OcspResponderSlowCheck implements Check {

    @Override
    public void evaluate(Evidence e, Policy p, Consumer<String> report) {
        long limit = p.thresholdOf(FindingCode.OCSP_RESPONDER_SLOW).toMillis();
        for (LiveAnswer live : e.liveAnswers()) {
            if (live.usable() && live.answer().elapsedMillis() > limit) {
                report.accept("responder " + live.answer().url() + " took "
                        + live.answer().elapsedMillis() + " ms to answer for serial "
                        + live.answer().serial() + " (policy: at most " + limit + " ms)");
            }
        }
    }
}
