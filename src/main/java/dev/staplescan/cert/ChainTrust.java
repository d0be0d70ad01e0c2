package dev.staplescan.cert;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The clock-independent result of validating a presented chain.
 *
 * @param status the classification
 * @param path   the validated path leaf first, without the anchor; empty unless {@code TRUSTED}
 * @param anchor the trust anchor's certificate; {@code null} unless {@code TRUSTED}
 * @param detail one line saying why, with the names involved (for messages)
 */
public record ChainTrust(TrustStatus status, List<X509Certificate> path, X509Certificate anchor, String detail) {

    public ChainTrust {
        path = List.copyOf(path);
    }

    static ChainTrust failed(TrustStatus status, String detail) {
        return new ChainTrust(status, List.of(), null, detail);
    }
}
