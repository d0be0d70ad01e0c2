package dev.staplescan.scan;

/**
 * How one network attempt (name resolution, or one handshake) ended. A closed set, decided in one
 * place by the scanner's error mapping (STYLE.md habit 4).
 */
public enum Outcome {
    /** The attempt completed: names resolved, or the handshake finished and the chain was captured. */
    OK,
    /** The name did not resolve to any address. */
    DNS_FAILURE,
    /** TCP connection refused (RST): nothing listens on the port. */
    CONNECT_REFUSED,
    /** TCP connection not established within the connect timeout. */
    CONNECT_TIMEOUT,
    /** Connected, but the handshake did not finish within the handshake timeout. */
    HANDSHAKE_TIMEOUT,
    /** The peer answered with something that is not TLS (an HTTP banner, SSH, garbage). */
    NOT_TLS,
    /** The server does not accept the requested TLS version (a protocol_version alert or similar). */
    PROTOCOL_NOT_SUPPORTED,
    /** The handshake failed for another TLS reason (alert, no shared cipher, closed mid-handshake). */
    HANDSHAKE_FAILED,
    /**
     * The handshake was aborted by the client because the server's staple could not be parsed
     * (the JDK's TLS did this under TLS 1.3). Only runs stored before the BoringSSL engine have it: the
     * scanner now hands every staple back as bytes, and assessment judges them.
     */
    STAPLE_MALFORMED,
    /** A defect in staplescan itself; the error text carries the stack trace. Never a server finding. */
    INTERNAL_ERROR
}
