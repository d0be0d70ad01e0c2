package dev.staplescan.check.staple;

import dev.staplescan.check.Check;
import dev.staplescan.check.Evidence;
import dev.staplescan.check.Fmt;
import dev.staplescan.check.Policy;
import dev.staplescan.check.ServedStaple;
import dev.staplescan.ocsp.CertIdMatch;
import dev.staplescan.ocsp.StapleVerification;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * STAPLE_WRONG_CERT: no SingleResponse in the staple is about the served leaf (RFC 6960 section
 * 4.1.1, CertID: serial, issuer name hash, issuer key hash). Typically the previous certificate's
 * staple, still served after a renewal.
 */
public final class StapleWrongCertCheck implements Check {

    @Override
    public void evaluate(Evidence e, Policy p, Consumer<String> report) {
        OncePerEndpoint.report(e, StapleWrongCertCheck::applies, StapleWrongCertCheck::describe, report);
    }

    private static boolean applies(ServedStaple s) {
        StapleVerification v = s.verification();
        return v.single().match() == CertIdMatch.SERIAL_MISMATCH || v.single().match() == CertIdMatch.ISSUER_MISMATCH;
    }

    private static String describe(ServedStaple s) {
        StapleVerification v = s.verification();
        String leafSerial = Fmt.serial(s.chain().leaf().getSerialNumber());
        if (v.single().match() == CertIdMatch.ISSUER_MISMATCH) {
            return "the staple has the served serial " + leafSerial + " but its "
                    + v.single().hashAlgorithm() + " CertID names another issuer than "
                    + s.chain().leaf().getIssuerX500Principal().getName();
        }
        String responded =
                v.single().respondedSerials().stream().map(Fmt::serial).collect(Collectors.joining(", "));
        return "the staple is about serial " + (responded.isEmpty() ? "(none)" : responded)
                + ", the served certificate has serial " + leafSerial;
    }
}
