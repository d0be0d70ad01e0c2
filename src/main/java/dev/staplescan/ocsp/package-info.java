/**
 * Stapled OCSP responses, verified the way a careful client would (RFC 6960 sections 3.2 and
 * 4.2.2.2), purely and offline: {@link dev.staplescan.ocsp.StapleVerifier#verify} turns the bytes,
 * the leaf and its {@link dev.staplescan.ocsp.Issuer} into a
 * {@link dev.staplescan.ocsp.StapleVerification}, where every outcome is an enum with an explicit
 * "could not tell" value.
 */
package dev.staplescan.ocsp;
