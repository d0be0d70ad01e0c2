package dev.staplescan.check.staple;

import dev.staplescan.check.Check;
import dev.staplescan.check.Evidence;
import dev.staplescan.check.Policy;
import dev.staplescan.check.ServedStaple;
import dev.staplescan.ocsp.ParseStatus;
import dev.staplescan.ocsp.StapleVerification;
import java.util.function.Consumer;

/**
 * STAPLE_MALFORMED: the staple is not a usable OCSP response (not DER, not an OCSPResponse, broken
 * content, or a response type other than id-pkix-ocsp-basic), or, in runs stored before
 * the BoringSSL engine, the JDK client aborted the TLS 1.3 handshake over it.
 */
public final class StapleMalformedCheck implements Check {

    @Override
    public void evaluate(Evidence e, Policy p, Consumer<String> report) {
        OncePerEndpoint.report(e, StapleMalformedCheck::applies, StapleMalformedCheck::describe, report);
    }

    private static boolean applies(ServedStaple s) {
        StapleVerification v = s.verification();
        return v.parse() != ParseStatus.PARSED;
    }

    private static String describe(ServedStaple s) {
        StapleVerification v = s.verification();
        return "the staple is not a usable OCSP response: " + v.parseDetail();
    }
}
