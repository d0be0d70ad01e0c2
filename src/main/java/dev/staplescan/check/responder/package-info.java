/**
 * Checks of the live responder query (SPEC §4.4): whether the certificate's OCSP responder answers,
 * how fast, and whether it agrees with the staple. They read {@link dev.staplescan.check.Evidence#liveAnswers()}.
 */
package dev.staplescan.check.responder;
