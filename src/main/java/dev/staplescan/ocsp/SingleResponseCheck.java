package dev.staplescan.ocsp;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;

/**
 * The SingleResponse about the leaf, if the staple has one, and what it says (RFC 6960 section 4.2.1).
 * Status and dates are only filled when {@code match.usable()}: a response about another
 * certificate says nothing about this one.
 *
 * @param match            whether a SingleResponse is about the leaf
 * @param hashAlgorithm    CertID hash of the chosen SingleResponse, e.g. {@code SHA-1} or {@code SHA-256}; {@code ""} when none
 * @param respondedSerials serial numbers of every SingleResponse in the staple (evidence for a wrong-certificate staple)
 * @param status           the certStatus, or {@link RevocationStatus#NOT_APPLICABLE}
 * @param revocationTime   when revoked; {@code null} unless {@code status == REVOKED}
 * @param revocationReason why revoked, {@link RevocationReason#NOT_GIVEN}, or {@link RevocationReason#NOT_REVOKED}
 * @param thisUpdate       thisUpdate; {@code null} when {@code !match.usable()}
 * @param nextUpdate       nextUpdate; {@code null} when absent from the response or {@code !match.usable()}
 * @param validity         whether the response is current at the instant of verification
 */
public record SingleResponseCheck(
        CertIdMatch match,
        String hashAlgorithm,
        List<BigInteger> respondedSerials,
        RevocationStatus status,
        Instant revocationTime,
        RevocationReason revocationReason,
        Instant thisUpdate,
        Instant nextUpdate,
        TimeValidity validity) {

    public SingleResponseCheck {
        respondedSerials = List.copyOf(respondedSerials);
    }

    /** No SingleResponse was looked at. */
    public static SingleResponseCheck notChecked() {
        return mismatch(CertIdMatch.NOT_CHECKED, "", List.of());
    }

    /** The staple holds SingleResponses, none of them about the leaf. */
    public static SingleResponseCheck mismatch(CertIdMatch why, String hashAlgorithm, List<BigInteger> serials) {
        return new SingleResponseCheck(
                why,
                hashAlgorithm,
                serials,
                RevocationStatus.NOT_APPLICABLE,
                null,
                RevocationReason.NOT_REVOKED,
                null,
                null,
                TimeValidity.NOT_APPLICABLE);
    }
}
