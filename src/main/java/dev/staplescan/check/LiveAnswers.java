package dev.staplescan.check;

import dev.staplescan.ocsp.CertIdMatch;
import dev.staplescan.ocsp.ResponseStatus;
import dev.staplescan.ocsp.SignatureStatus;
import dev.staplescan.ocsp.StapleVerification;
import dev.staplescan.ocsp.StapleVerifier;
import dev.staplescan.ocsp.TimeValidity;
import dev.staplescan.scan.ResponderAnswer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Judges the live responder answers of an observation (pure): pairs each with the presented chain
 * it is about and verifies an HTTP 200 body exactly like a staple, with {@link StapleVerifier}.
 */
final class LiveAnswers {

    private static final int HTTP_OK = 200;

    private LiveAnswers() {}

    static List<LiveAnswer> judge(
            List<ResponderAnswer> answers, List<PresentedChain> chains, Policy policy, StapleVerifier verifier) {
        List<LiveAnswer> out = new ArrayList<>();
        for (ResponderAnswer a : answers) {
            // Answers are recorded only for leaves of completed handshakes, so the chain is there;
            // an answer without one (hand-edited database) has nothing to be judged against.
            chainOf(a, chains).ifPresent(chain -> out.add(judge(a, chain, policy, verifier)));
        }
        return out;
    }

    private static Optional<PresentedChain> chainOf(ResponderAnswer a, List<PresentedChain> chains) {
        return chains.stream()
                .filter(c -> Fmt.serial(c.leaf().getSerialNumber()).equals(a.serial()))
                .findFirst();
    }

    static LiveAnswer judge(ResponderAnswer a, PresentedChain chain, Policy policy, StapleVerifier verifier) {
        switch (a.outcome()) {
            case CHAIN_NOT_TRUSTED, ISSUER_UNKNOWN, INTERNAL_ERROR -> {
                return new LiveAnswer(a, chain, LiveAnswer.State.NOT_QUERIED, null, "");
            }
            case POLICY_REFUSED -> {
                return new LiveAnswer(a, chain, LiveAnswer.State.BLOCKED, null, String.valueOf(a.error()));
            }
            case URL_REFUSED, CONNECT_FAILED, TIMEOUT, REDIRECTED, TOO_LARGE, IO_ERROR -> {
                return unusable(a, chain, null, label(a) + ": " + a.error());
            }
            case ANSWERED -> {
                if (a.httpStatus() != HTTP_OK || a.body() == null) {
                    // Status, length and content type at most (the client records them): never the body of
                    // something that is no OCSP responder, or the report would read out internal services.
                    String what = a.error() != null ? a.error() : "HTTP " + a.httpStatus();
                    return unusable(a, chain, null, what + " instead of an OCSP response");
                }
            }
        }
        // The answer is judged at the moment it was fetched: that is when the responder said it.
        StapleVerification v =
                verifier.check(a.body(), chain.leaf(), chain.facts().issuer(), a.queriedAt(), policy.clockSkew());
        String problem = problem(v, a.body().length);
        return problem == null
                ? new LiveAnswer(a, chain, LiveAnswer.State.USABLE, v, "")
                : unusable(a, chain, v, problem);
    }

    /** Why a verified body cannot be relied on, or {@code null} when it can (RFC 6960 section 3.2). */
    private static String problem(StapleVerification v, int length) {
        if (!v.successful()) {
            // Only the length: the parser's detail can quote the body's first bytes (a tag, a length
            // read from text), and a body that is no OCSP response may come from anything at that URL.
            return v.responseStatus() == ResponseStatus.NOT_PARSED
                    ? "the answer (HTTP 200, " + length + " bytes) is not an OCSP response"
                    : "responseStatus " + v.responseStatus().name().toLowerCase(Locale.ROOT);
        }
        if (v.signer().signature() != SignatureStatus.VALID) {
            return "the answer's signature is "
                    + v.signer().signature().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
        if (!v.signer().authority().authorized()) {
            return "the answer is signed by an unauthorized responder ("
                    + v.signer().authority() + ")";
        }
        if (v.single().match() != CertIdMatch.MATCH) {
            return "the answer is not about this certificate (" + v.single().match() + ")";
        }
        // Without nextUpdate a live answer still states the status now ("newer information is always
        // available", RFC 6960 section 4.2.2.1); only a staple needs a lifetime.
        if (v.single().validity() != TimeValidity.CURRENT && v.single().validity() != TimeValidity.NO_NEXT_UPDATE) {
            return "the answer is not current (" + v.single().validity() + ")";
        }
        return null;
    }

    private static LiveAnswer unusable(ResponderAnswer a, PresentedChain chain, StapleVerification v, String problem) {
        return new LiveAnswer(a, chain, LiveAnswer.State.UNUSABLE, v, problem);
    }

    private static String label(ResponderAnswer a) {
        return a.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
