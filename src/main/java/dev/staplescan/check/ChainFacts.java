package dev.staplescan.check;

import dev.staplescan.cert.Certificates;
import dev.staplescan.cert.ChainTrust;
import dev.staplescan.cert.ChainValidator;
import dev.staplescan.cert.LeafExtensions;
import dev.staplescan.ocsp.Issuer;
import dev.staplescan.ocsp.IssuerLocator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;

/**
 * What can be known about a presented chain without a clock: the parsed certificates, whether it
 * leads to a trust anchor, the leaf's issuer (for staple verification), and the leaf's stapling
 * extensions. Derived once per distinct chain and cached by {@link #key(List)} (SPEC §10).
 *
 * @param key          SHA-256 over the chain's DER, hex: the cache key
 * @param certificates the chain as sent, leaf first
 * @param trust        PKIX result, independent of the clock
 * @param issuer       the leaf's issuer, from the chain or the anchors, or not found
 * @param ocspUrls     the leaf's AIA OCSP URLs; empty when the CA offers no OCSP
 * @param mustStaple   true when the leaf carries the RFC 7633 TLS Feature status_request
 */
public record ChainFacts(
        String key,
        List<X509Certificate> certificates,
        ChainTrust trust,
        Issuer issuer,
        List<String> ocspUrls,
        boolean mustStaple) {

    public ChainFacts {
        certificates = List.copyOf(certificates);
        ocspUrls = List.copyOf(ocspUrls);
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("a chain has at least the leaf");
        }
    }

    /** Derives the facts for a non-empty chain of DER certificates. */
    public static ChainFacts of(List<byte[]> der, TrustAnchors anchors) {
        List<X509Certificate> chain = Certificates.parse(der);
        X509Certificate leaf = chain.get(0);
        ChainTrust trust = ChainValidator.validate(chain, anchors.pkixAnchors(), anchors::withSubject);
        Issuer issuer = IssuerLocator.locate(leaf, chain, anchors.withSubject(leaf.getIssuerX500Principal()));
        return new ChainFacts(
                key(der), chain, trust, issuer, LeafExtensions.ocspUrls(leaf), LeafExtensions.mustStaple(leaf));
    }

    /** SHA-256 over the length-prefixed DER of every certificate, hex. */
    public static String key(List<byte[]> der) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            for (byte[] cert : der) {
                sha256.update(new byte[] {
                    (byte) (cert.length >>> 24),
                    (byte) (cert.length >>> 16),
                    (byte) (cert.length >>> 8),
                    (byte) cert.length
                });
                sha256.update(cert);
            }
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is mandatory in every JDK", e);
        }
    }

    public X509Certificate leaf() {
        return certificates.get(0);
    }

    /** True when the leaf names at least one OCSP responder. */
    public boolean offersOcsp() {
        return !ocspUrls.isEmpty();
    }
}
