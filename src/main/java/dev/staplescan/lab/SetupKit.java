package dev.staplescan.lab;

import dev.staplescan.lab.pki.CertStatus;
import dev.staplescan.lab.pki.CertificateAuthority;
import dev.staplescan.lab.pki.IssuedCert;
import dev.staplescan.lab.pki.LeafSpec;
import dev.staplescan.lab.pki.OcspResponses;
import dev.staplescan.lab.pki.OcspSpec;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * What every scenario's setup is built from: the lab's issuing CA, its OCSP responder, and one
 * instant "now" (fleet start) that all dates are relative to; plus the small steps setups share
 * (issue a leaf, register it with the responder, staple a response for it). Not thread-safe: one
 * fleet builds its setups from one thread.
 */
final class SetupKit {

    private final CertificateAuthority ca;
    private final OcspResponder responder;
    private final Instant now = Instant.now();

    SetupKit(CertificateAuthority ca, OcspResponder responder) {
        this.ca = ca;
        this.responder = responder;
    }

    CertificateAuthority ca() {
        return ca;
    }

    OcspResponder responder() {
        return responder;
    }

    Instant now() {
        return now;
    }

    /** {@code now} plus (or minus) whole days. */
    Instant days(int offset) {
        return now.plus(Duration.ofDays(offset));
    }

    /** A leaf for {@code name} with the responder's URL, known to the responder as good. */
    IssuedCert goodLeaf(String name) {
        return register(ca.issue(spec(name)));
    }

    /** Tells the responder the leaf is good (its issuer signs the answers). */
    IssuedCert register(IssuedCert leaf) {
        responder.registry().register(leaf, CertStatus.GOOD, null);
        return leaf;
    }

    /** A leaf spec for {@code name} whose AIA names the lab responder. */
    LeafSpec spec(String name) {
        return LeafSpec.forName(name).withOcspUrl(responder.url());
    }

    /** Leaf and issuing CA, as a well-configured server sends them (the root is left out). */
    List<X509Certificate> chain(IssuedCert leaf) {
        return List.of(leaf.certificate(), leaf.issuer().certificate());
    }

    EndpointSetup unstapled(IssuedCert leaf) {
        return EndpointSetup.tls(chain(leaf), leaf.privateKey(), null);
    }

    EndpointSetup stapledBytes(IssuedCert leaf, byte[] staple) {
        return EndpointSetup.tls(chain(leaf), leaf.privateKey(), staple);
    }

    EndpointSetup withStaple(IssuedCert leaf, OcspSpec spec) {
        return stapledBytes(leaf, OcspResponses.build(spec));
    }

    /** Staples a response that is good and current except for what {@code change} alters. */
    EndpointSetup withStaple(IssuedCert leaf, UnaryOperator<OcspSpec> change) {
        return withStaple(leaf, change.apply(OcspSpec.good(leaf)));
    }
}
