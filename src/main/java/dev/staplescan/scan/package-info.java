/**
 * The network layer: turns a {@link dev.staplescan.input.Target} into an {@link dev.staplescan.scan.Observation}
 * of raw facts (addresses, and per handshake: protocol, cipher, chain, staple bytes, timings, outcome).
 * It never judges; checks do (SPEC §2, "observe, then assess").
 *
 * <ul>
 *   <li>{@link dev.staplescan.scan.Scanner}: the entry point, one shared instance per run.</li>
 *   <li>{@link dev.staplescan.scan.ScanOptions}: timeouts, versions, repeats, addresses.</li>
 *   <li>{@link dev.staplescan.scan.ErrorMapper}: the one function from exceptions to
 *       {@link dev.staplescan.scan.Outcome}.</li>
 *   <li>Package-private helpers: {@code Resolver} (DNS with a deadline), {@code TlsEngine} (Netty event
 *       loops and a BoringSSL context per TLS version, the JDK's TLS as fallback), {@code TlsProbe} (one
 *       handshake with its deadlines), {@code CapturingTrustManager} and {@code Capture} (chain and
 *       staple), {@code Deadline}.</li>
 *   <li>The live responder query: {@link dev.staplescan.scan.ResponderProbe} (trusted chains only),
 *       {@link dev.staplescan.scan.ResponderPolicy} with {@link dev.staplescan.scan.HostRules} (where queries
 *       may go), and package-private {@code ResponderUrl}, {@code HostNames} (numeric host spellings),
 *       {@code ResponderClient} and {@code OcspHttp} (one bounded POST to the checked address),
 *       {@code ResponderTarget} (one lookup, then the policy), {@code ResponderCache}, {@code ResponderTls}.</li>
 * </ul>
 */
package dev.staplescan.scan;
