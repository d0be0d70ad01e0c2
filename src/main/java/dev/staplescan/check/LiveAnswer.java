package dev.staplescan.check;

import dev.staplescan.ocsp.RevocationStatus;
import dev.staplescan.ocsp.StapleVerification;
import dev.staplescan.scan.ResponderAnswer;

/**
 * One live responder answer, judged: verified like a staple (signature, signer authority, CertID,
 * dates at the moment it was fetched) against the presented leaf it is about.
 *
 * @param answer       the raw facts of the query
 * @param chain        the presented chain whose leaf the query was about
 * @param state        what the answer amounts to
 * @param verification the body verified as an OCSP response; {@code null} unless an HTTP 200 body was received
 * @param problem      why the answer is unusable, one line; {@code ""} unless {@code state == UNUSABLE}
 */
public record LiveAnswer(
        ResponderAnswer answer, PresentedChain chain, State state, StapleVerification verification, String problem) {

    /** What a live answer amounts to. */
    public enum State {
        /** Verified: a trustworthy, current statement about the leaf. */
        USABLE,
        /**
         * No trustworthy statement: the responder could not be reached or timed out, answered with an
         * HTTP error or a redirect, sent something that is no OCSP response, an error responseStatus,
         * or a response that fails verification. To a server trying to refresh its staple these all
         * mean the same: no staple to serve.
         */
        UNUSABLE,
        /**
         * Not asked, for a reason of ours rather than the responder's: the chain does not validate to a
         * trust anchor (so its URL is nobody's we trust: CERT_UNTRUSTED and its kin say what is wrong),
         * the issuer was unknown (the CertID needs its key), or staplescan had an internal error.
         * Reported by no check.
         */
        NOT_QUERIED,
        /**
         * Not asked: the responder policy refused the URL's host or an address of it (never link-local
         * or metadata addresses, and the allow/deny rules). Not the responder's fault, so never
         * OCSP_RESPONDER_UNREACHABLE; reported as OCSP_RESPONDER_BLOCKED (INFO by default).
         */
        BLOCKED
    }

    /** True when the answer is a verified, current statement about the leaf. */
    public boolean usable() {
        return state == State.USABLE;
    }

    /** The status the responder gave; {@link RevocationStatus#NOT_APPLICABLE} unless usable. */
    public RevocationStatus status() {
        return usable() ? verification.single().status() : RevocationStatus.NOT_APPLICABLE;
    }
}
