package dev.staplescan.ocsp;

/**
 * Whether the SingleResponse about the leaf is current (RFC 6960 section 3.2, items 4 and 5:
 * thisUpdate sufficiently recent, nextUpdate greater than the current time), judged at an instant
 * with a clock-skew allowance.
 */
public enum TimeValidity {
    /** thisUpdate is not in the future and nextUpdate has not passed. */
    CURRENT,
    /** thisUpdate is later than now plus the skew allowance. */
    NOT_YET_VALID,
    /** nextUpdate is earlier than now minus the skew allowance. */
    EXPIRED,
    /** No nextUpdate: the response states no lifetime (RFC 6960 section 4.2.2.1), so it is never "current". */
    NO_NEXT_UPDATE,
    /** Could not tell: no SingleResponse about the leaf. */
    NOT_APPLICABLE
}
