package dev.staplescan.lab;

import dev.staplescan.lab.pki.CertificateAuthority;
import dev.staplescan.lab.pki.IssuedCert;
import dev.staplescan.lab.pki.LeafSpec;
import dev.staplescan.lab.pki.OcspResponses;
import dev.staplescan.lab.pki.OcspSpec;
import java.util.List;

/**
 * The scenarios whose fault is in the certificate or the chain sent; each still staples a valid
 * response where it can, so the certificate finding is the only one. Dates are relative to the
 * kit's "now": a lab left running for days drifts (EXPIRING_SOON_CERT expires after 5 days,
 * NOT_YET_VALID_CERT becomes valid after 2).
 */
final class CertificateSetups {

    private final SetupKit kit;

    CertificateSetups(SetupKit kit) {
        this.kit = kit;
    }

    EndpointSetup build(Scenario scenario) {
        String name = scenario.sni();
        return switch (scenario) {
            case EXPIRED_CERT ->
                goodStaple(kit.register(kit.ca().issue(kit.spec(name).withValidity(kit.days(-120), kit.days(-30)))));
            // Issued ahead of its start (or served by a server whose CA clock runs fast).
            case NOT_YET_VALID_CERT ->
                goodStaple(kit.register(kit.ca().issue(kit.spec(name).withValidity(kit.days(2), kit.days(92)))));
            // A 90-day certificate in its last 5 days: below the default policy's 21-day warning.
            case EXPIRING_SOON_CERT ->
                goodStaple(kit.register(kit.ca().issue(kit.spec(name).withValidity(kit.days(-85), kit.days(5)))));
            case WRONG_NAME -> goodStaple(kit.goodLeaf("other-name." + Scenario.DOMAIN));
            case UNTRUSTED_ROOT -> untrustedRoot(name);
            case INCOMPLETE_CHAIN -> {
                String issuerUrl =
                        kit.responder().publish("intermediate.cer", kit.ca().certificate());
                IssuedCert leaf = kit.register(kit.ca().issue(kit.spec(name).withCaIssuersUrl(issuerUrl)));
                yield EndpointSetup.tls(
                        List.of(leaf.certificate()), leaf.privateKey(), OcspResponses.build(OcspSpec.good(leaf)));
            }
            case SELF_SIGNED -> {
                IssuedCert self = CertificateAuthority.selfSigned(LeafSpec.forName(name));
                yield EndpointSetup.tls(List.of(self.certificate()), self.privateKey(), null);
            }
            default -> throw new IllegalArgumentException(scenario + " is not a certificate scenario");
        };
    }

    /**
     * A complete chain (leaf and intermediate) under a root of its own that the fleet's trust
     * bundle does not hold, as from a private CA the scanner was not told about. Not self-signed,
     * not incomplete: the chain simply ends at an issuer nobody trusts. The lab responder answers
     * for its intermediate too, and the staple is signed by it, so the staple is valid: judged
     * against the chain's own issuer, as it must be even when the chain is not trusted.
     */
    private EndpointSetup untrustedRoot(String name) {
        CertificateAuthority root = CertificateAuthority.root("staplescan lab untrusted root");
        CertificateAuthority intermediate = root.intermediate("staplescan lab untrusted issuing CA");
        return goodStaple(kit.register(intermediate.issue(kit.spec(name))));
    }

    private EndpointSetup goodStaple(IssuedCert leaf) {
        return kit.withStaple(leaf, OcspSpec.good(leaf));
    }
}
