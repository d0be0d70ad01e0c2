package dev.staplescan.check.responder;

import dev.staplescan.check.Check;
import dev.staplescan.check.Evidence;
import dev.staplescan.check.LiveAnswer;
import dev.staplescan.check.Policy;
import java.util.function.Consumer;

/**
 * OCSP_RESPONDER_BLOCKED: the leaf's responder was not asked because the responder policy refused its
 * host or an address of it (SPEC §11: never link-local or cloud metadata, unspecified or multicast
 * addresses; the run's and the policy file's allow and deny rules). It says why the responder findings
 * are absent, so a blocked responder is never mistaken for a healthy one, and it is no
 * OCSP_RESPONDER_UNREACHABLE: nothing was sent. Not reported for chains that do not validate (those
 * are never queried at all, and their certificate findings say why).
 */
public final class OcspResponderBlockedCheck implements Check {

    @Override
    public void evaluate(Evidence e, Policy p, Consumer<String> report) {
        for (LiveAnswer live : e.liveAnswers()) {
            if (live.state() == LiveAnswer.State.BLOCKED) {
                report.accept("responder " + live.answer().url() + " for serial "
                        + live.answer().serial() + ": " + live.problem());
            }
        }
    }
}
