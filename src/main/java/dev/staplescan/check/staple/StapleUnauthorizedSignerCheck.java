package dev.staplescan.check.staple;

import dev.staplescan.check.Check;
import dev.staplescan.check.Evidence;
import dev.staplescan.check.Policy;
import dev.staplescan.check.ServedStaple;
import dev.staplescan.ocsp.SignerCheck;
import java.util.function.Consumer;

/**
 * STAPLE_UNAUTHORIZED_SIGNER: the staple is signed by someone who may not speak for the leaf's
 * issuer (RFC 6960 section 4.2.2.2): a certificate the issuer did not issue, one without
 * id-kp-OCSPSigning, an expired delegate, or a responder that is neither the issuer nor included
 * in the response. Not reported when the issuer is unknown (CERT_CHAIN_INCOMPLETE says why).
 */
public final class StapleUnauthorizedSignerCheck implements Check {

    @Override
    public void evaluate(Evidence e, Policy p, Consumer<String> report) {
        OncePerEndpoint.report(
                e,
                s -> s.verification().signer().authority().unauthorized(),
                StapleUnauthorizedSignerCheck::describe,
                report);
    }

    private static String describe(ServedStaple s) {
        SignerCheck signer = s.verification().signer();
        String issuer = s.chain().leaf().getIssuerX500Principal().getName();
        return switch (signer.authority()) {
            case DELEGATE_NOT_ISSUED_BY_ISSUER ->
                "the staple is signed by " + signer.signerSubject()
                        + ", which was not issued by the certificate's issuer " + issuer;
            case DELEGATE_WITHOUT_OCSP_SIGNING ->
                "the staple is signed by " + signer.signerSubject() + ", issued by " + issuer
                        + " but without the id-kp-OCSPSigning extended key usage";
            case DELEGATE_OUTSIDE_VALIDITY ->
                "the staple is signed by delegated responder " + signer.signerSubject()
                        + ", whose certificate is expired or not yet valid";
            default ->
                "the staple is signed by an unknown responder (ResponderID " + signer.responderId()
                        + "): neither the issuer " + issuer + " nor a certificate included in the response";
        };
    }
}
