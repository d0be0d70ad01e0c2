/**
 * Checks of the validity of served staples, reported once per endpoint however many handshakes
 * carried the bad staple. One class per finding code.
 */
package dev.staplescan.check.staple;
