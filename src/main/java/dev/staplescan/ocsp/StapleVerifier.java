package dev.staplescan.ocsp;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import org.bouncycastle.cert.ocsp.OCSPResp;

/**
 * Verifies one stapled OCSP response against the leaf it was served with, the way a careful
 * client would (RFC 6960 section 3.2): parse, responseStatus, signature and signer authority,
 * CertID, status, and dates. Pure: the instant of judgement is passed in, nothing touches the
 * network, and every outcome, including "could not tell", is an explicit value. Thread-safe.
 * An instance remembers signature verifications in a {@link SignatureCache}; the static
 * {@link #verify} remembers nothing.
 */
public final class StapleVerifier {

    private static final StapleVerifier UNCACHED = new StapleVerifier(SignatureCache.NONE);

    private final SignatureCache signatures;

    /** A verifier that remembers signature verifications in {@code signatures}. */
    public StapleVerifier(SignatureCache signatures) {
        this.signatures = signatures;
    }

    /** Verifies without remembering anything; see {@link #check}. */
    public static StapleVerification verify(
            byte[] staple, X509Certificate leaf, Issuer issuer, Instant now, Duration skew) {
        return UNCACHED.check(staple, leaf, issuer, now, skew);
    }

    /**
     * Parses and verifies one staple for the leaf it came with.
     *
     * @param staple the stapled bytes as received (must not be null: "no staple" is not a staple to verify)
     * @param leaf   the certificate the server presented with it
     * @param issuer the leaf's issuer, or {@link Issuer#notFound()} (then signature and issuer hashes are not checked)
     * @param now    the instant to judge the dates and the responder certificate's validity at
     * @param skew   clock skew allowed either way for thisUpdate and nextUpdate
     */
    public StapleVerification check(byte[] staple, X509Certificate leaf, Issuer issuer, Instant now, Duration skew) {
        OCSPResp outer;
        ParsedStaple parsed;
        try {
            outer = ParsedStaple.parseOuter(staple);
            ResponseStatus status = ResponseStatus.of(outer.getStatus());
            if (status != ResponseStatus.SUCCESSFUL) {
                // RFC 6960 4.2.1: an error response carries no responseBytes, so nothing more to check.
                return StapleVerification.unsuccessful(status, issuer.source());
            }
            parsed = ParsedStaple.parseBasic(staple, outer);
        } catch (ParsedStaple.MalformedException e) {
            return StapleVerification.malformed(e.status, e.getMessage(), issuer.source());
        }
        SignerCheck signer = SignerVerifier.check(parsed, issuer, now, signatures);
        SingleResponseCheck single = CertIdMatcher.match(parsed, leaf, issuer, now, skew);
        return new StapleVerification(
                ParseStatus.PARSED, "", ResponseStatus.SUCCESSFUL, parsed.producedAt(), signer, single);
    }
}
