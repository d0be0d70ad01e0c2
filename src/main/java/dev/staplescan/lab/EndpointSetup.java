package dev.staplescan.lab;

import dev.staplescan.scan.TlsVersion;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * How one lab endpoint behaves: exactly what it sends, so a scenario's expected findings follow
 * from it. Staple arrays are shared, never modified.
 *
 * @param versions       TLS versions the server accepts (at least one for {@link Mode#TLS})
 * @param chain          certificates sent, leaf first (leaf only = incomplete chain)
 * @param key            the leaf's private key
 * @param staple12       bytes stapled under TLS 1.2 (CertificateStatus message); {@code null} = no staple
 * @param staple13       bytes stapled under TLS 1.3 (status_request in the leaf's CertificateEntry); {@code null} = none
 * @param mode           TLS, or a misbehaviour that never completes a handshake
 * @param unstapledFirst the first this-many handshakes after start carry no staple (cold cache); 0 = always staple
 * @param delay          waited after accepting, before reading the ClientHello (slow server, or internet RTT)
 * @param otherBackend   {@code null} for one backend; else every second connection (the 2nd, 4th, ...) is
 *                       served by this setup's chain, key and staples, as by a load balancer whose two
 *                       backends disagree
 */
public record EndpointSetup(
        Set<TlsVersion> versions,
        List<X509Certificate> chain,
        PrivateKey key,
        byte[] staple12,
        byte[] staple13,
        Mode mode,
        int unstapledFirst,
        Duration delay,
        EndpointSetup otherBackend) {

    /** What the endpoint does with a connection. */
    public enum Mode {
        /** A TLS server that staples as configured. */
        TLS,
        /** Accepts, reads, never answers (a hung service or a black-holing middlebox). */
        TARPIT,
        /** Answers the ClientHello with an HTTP 400 banner and closes (plain HTTP on a TLS port). */
        NOT_TLS,
        /**
         * Answers every ClientHello with a fatal handshake_failure alert, as a server does that shares
         * no cipher suite or version with the client.
         */
        ALERT,
        /**
         * Listens but never accepts, its accept queue (backlog 1) filled by the fleet itself, so Linux
         * drops further SYNs and connects time out: a host that is up but overwhelmed, or firewalled.
         */
        FULL_BACKLOG,
        /** No server at all: the host-list line names a host under {@code .invalid}, which never resolves. */
        UNRESOLVABLE
    }

    public EndpointSetup {
        versions = versions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(versions));
        chain = List.copyOf(chain);
        if (mode == Mode.TLS && (versions.isEmpty() || chain.isEmpty() || key == null)) {
            throw new IllegalArgumentException("a TLS endpoint needs versions, a chain and a key");
        }
        if (otherBackend != null && otherBackend.otherBackend() != null) {
            throw new IllegalArgumentException("two backends at most: the other backend has no other backend");
        }
    }

    /** A TLS 1.2 + 1.3 server stapling the same bytes under both (or nothing when {@code staple} is null). */
    public static EndpointSetup tls(List<X509Certificate> chain, PrivateKey key, byte[] staple) {
        return new EndpointSetup(
                EnumSet.allOf(TlsVersion.class), chain, key, staple, staple, Mode.TLS, 0, Duration.ZERO, null);
    }

    /** An endpoint that never completes a handshake. */
    public static EndpointSetup misbehaving(Mode mode) {
        return new EndpointSetup(Set.of(), List.of(), null, null, null, mode, 0, Duration.ZERO, null);
    }

    public EndpointSetup withVersions(TlsVersion... only) {
        return new EndpointSetup(
                EnumSet.copyOf(List.of(only)),
                chain,
                key,
                staple12,
                staple13,
                mode,
                unstapledFirst,
                delay,
                otherBackend);
    }

    public EndpointSetup withStaples(byte[] tls12, byte[] tls13) {
        return new EndpointSetup(versions, chain, key, tls12, tls13, mode, unstapledFirst, delay, otherBackend);
    }

    public EndpointSetup withUnstapledFirst(int count) {
        return new EndpointSetup(versions, chain, key, staple12, staple13, mode, count, delay, otherBackend);
    }

    public EndpointSetup withDelay(Duration wait) {
        return new EndpointSetup(versions, chain, key, staple12, staple13, mode, unstapledFirst, wait, otherBackend);
    }

    /** Puts a second backend behind the endpoint: connections alternate between this setup and {@code other}. */
    public EndpointSetup withOtherBackend(EndpointSetup other) {
        return new EndpointSetup(versions, chain, key, staple12, staple13, mode, unstapledFirst, delay, other);
    }

    /**
     * The setup that serves connection number {@code connection} (0-based, in accept order): this one,
     * or every second time the other backend. Delay, versions and cold-cache count stay this setup's.
     */
    public EndpointSetup backendFor(long connection) {
        if (otherBackend == null || connection % 2 == 0) {
            return this;
        }
        return new EndpointSetup(
                versions,
                otherBackend.chain,
                otherBackend.key,
                otherBackend.staple12,
                otherBackend.staple13,
                mode,
                unstapledFirst,
                delay,
                null);
    }

    /** The bytes stapled under a version, or {@code null} for none. */
    public byte[] staple(TlsVersion version) {
        return version == TlsVersion.TLS_1_2 ? staple12 : staple13;
    }
}
