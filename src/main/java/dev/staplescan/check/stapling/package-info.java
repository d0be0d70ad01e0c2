/**
 * Checks of stapling support across an endpoint's handshakes: missing, Must-Staple, no OCSP URL,
 * intermittent, per-version gaps, disagreeing addresses. One class per finding code.
 */
package dev.staplescan.check.stapling;
