package dev.staplescan.ocsp;

import java.time.Instant;

/**
 * Everything verifying one staple against one leaf established (RFC 6960 section 3.2). Each
 * outcome is an explicit enum value; "could not tell" has its own value in every enum.
 *
 * @param parse          whether the bytes are a readable OCSP response
 * @param parseDetail    why parsing failed; {@code ""} when parsed
 * @param responseStatus the responseStatus, or {@link ResponseStatus#NOT_PARSED}
 * @param producedAt     the response's producedAt; {@code null} unless parsed and successful
 * @param signer         signature and signer authority
 * @param single         the SingleResponse about the leaf and what it says
 */
public record StapleVerification(
        ParseStatus parse,
        String parseDetail,
        ResponseStatus responseStatus,
        Instant producedAt,
        SignerCheck signer,
        SingleResponseCheck single) {

    /** Bytes that are not a usable OCSP response. */
    public static StapleVerification malformed(ParseStatus why, String detail, IssuerSource issuerSource) {
        return new StapleVerification(
                why,
                detail,
                ResponseStatus.NOT_PARSED,
                null,
                SignerCheck.notChecked(issuerSource),
                SingleResponseCheck.notChecked());
    }

    /** A parsed response whose responseStatus is not successful: it has no content to check. */
    public static StapleVerification unsuccessful(ResponseStatus status, IssuerSource issuerSource) {
        return new StapleVerification(
                ParseStatus.PARSED,
                "",
                status,
                null,
                SignerCheck.notChecked(issuerSource),
                SingleResponseCheck.notChecked());
    }

    /** True when the response parsed and its responseStatus is successful. */
    public boolean successful() {
        return parse == ParseStatus.PARSED && responseStatus == ResponseStatus.SUCCESSFUL;
    }

    /**
     * True when a client should accept this staple: successful, validly signed by an authorized
     * signer, about the leaf, and current. False also when something could not be checked.
     */
    public boolean trustworthy() {
        return successful()
                && signer.signature() == SignatureStatus.VALID
                && signer.authority().authorized()
                && single.match() == CertIdMatch.MATCH
                && single.validity() == TimeValidity.CURRENT;
    }
}
