package dev.staplescan.check.staple;

import dev.staplescan.check.Check;
import dev.staplescan.check.Evidence;
import dev.staplescan.check.Policy;
import dev.staplescan.check.ServedStaple;
import dev.staplescan.ocsp.SignatureStatus;
import dev.staplescan.ocsp.StapleVerification;
import java.util.function.Consumer;

/**
 * STAPLE_SIGNATURE_INVALID: the key of the responder the staple names (the issuer, or a delegate
 * included in the response) does not verify its signature (RFC 6960 section 3.2 item 2): the
 * response is corrupted or forged.
 */
public final class StapleSignatureInvalidCheck implements Check {

    @Override
    public void evaluate(Evidence e, Policy p, Consumer<String> report) {
        OncePerEndpoint.report(e, StapleSignatureInvalidCheck::applies, StapleSignatureInvalidCheck::describe, report);
    }

    private static boolean applies(ServedStaple s) {
        StapleVerification v = s.verification();
        return v.signer().signature() == SignatureStatus.INVALID;
    }

    private static String describe(ServedStaple s) {
        StapleVerification v = s.verification();
        return "the staple signature does not verify with the key of "
                + v.signer().signerSubject() + " (ResponderID " + v.signer().responderId() + ")";
    }
}
