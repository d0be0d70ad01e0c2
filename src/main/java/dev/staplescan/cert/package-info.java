/**
 * X.509 facts about presented chains: parsing, clock-independent PKIX trust
 * ({@link dev.staplescan.cert.ChainValidator}), hostname matching and the leaf extensions that
 * stapling depends on (AIA OCSP URL, RFC 7633 Must-Staple). Pure; nothing here reads a clock or
 * the network.
 */
package dev.staplescan.cert;
