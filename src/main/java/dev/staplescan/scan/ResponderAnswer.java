package dev.staplescan.scan;

import java.time.Instant;
import java.util.Objects;

/**
 * The raw facts of one live query to a certificate's OCSP responder (SPEC §4.4). Nothing here is
 * judged: the body is verified, and compared with the staple, in assessment. Shared by every
 * endpoint that presented the same certificate, because queries are cached for the whole run.
 *
 * @param url           the URL queried; when not queried, the first OCSP URL of the certificate
 * @param serial        the leaf's serial number, upper-case hex: which presented certificate this is about
 * @param issuerKeyHash SHA-1 of the issuer's public key, lower-case hex (the CertID's issuerKeyHash,
 *                      RFC 6960 section 4.1.1); {@code ""} when the issuer is unknown
 * @param outcome       how the query ended
 * @param httpStatus    the HTTP status code; -1 when no HTTP response arrived
 * @param body          the response body as received (at most the size limit); {@code null} when none arrived
 * @param queriedAt     when the query was sent (or decided against); assessment judges the answer's dates at it
 * @param elapsedMillis time from sending to the whole body received (or failure); -1 when not queried
 * @param error         why the query did not end in {@link QueryOutcome#ANSWERED}; {@code null} when it did
 */
public record ResponderAnswer(
        String url,
        String serial,
        String issuerKeyHash,
        QueryOutcome outcome,
        int httpStatus,
        byte[] body,
        Instant queriedAt,
        long elapsedMillis,
        String error) {

    public ResponderAnswer {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(issuerKeyHash, "issuerKeyHash");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(queriedAt, "queriedAt");
    }

    /** A query that was not sent, for the given reason. */
    public static ResponderAnswer notQueried(
            String url, String serial, String issuerKeyHash, QueryOutcome why, Instant at, String error) {
        return new ResponderAnswer(url, serial, issuerKeyHash, why, -1, null, at, -1, error);
    }

    /** True when the query was actually sent over the network. */
    public boolean sent() {
        return elapsedMillis >= 0;
    }
}
