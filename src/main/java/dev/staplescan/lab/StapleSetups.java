package dev.staplescan.lab;

import dev.staplescan.lab.pki.CertStatus;
import dev.staplescan.lab.pki.CertificateAuthority;
import dev.staplescan.lab.pki.IssuedCert;
import dev.staplescan.lab.pki.OcspResponses;
import dev.staplescan.lab.pki.OcspSpec;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;

/**
 * The scenarios whose fault is in the stapled response: a good leaf, served with its full chain,
 * and a staple that is wrong in exactly one way. Staples are built once, at fleet start, with dates
 * relative to the kit's "now": a lab left running for hours drifts (EXPIRING_SOON_STAPLE expires
 * after 2 h, NOT_YET_VALID_STAPLE becomes valid after 1 h).
 */
final class StapleSetups {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SetupKit kit;
    private CertificateAuthority stranger;

    StapleSetups(SetupKit kit) {
        this.kit = kit;
    }

    EndpointSetup build(Scenario scenario) {
        String name = scenario.sni();
        return switch (scenario) {
            case REVOKED -> {
                IssuedCert leaf = kit.ca().issue(kit.spec(name));
                Instant revokedAt = kit.days(-2);
                kit.responder().registry().register(leaf, CertStatus.REVOKED, revokedAt);
                yield kit.withStaple(leaf, OcspSpec.good(leaf).withStatus(CertStatus.REVOKED, revokedAt));
            }
            case EXPIRED_STAPLE ->
                kit.withStaple(kit.goodLeaf(name), spec -> spec.withTimes(kit.days(-10), kit.days(-3)));
            case WRONG_CERT_STAPLE -> {
                // The certificate before the renewal: same name and CA, other serial and key.
                IssuedCert previous = kit.goodLeaf(name);
                IssuedCert current = kit.goodLeaf(name);
                yield kit.withStaple(current, OcspSpec.good(previous));
            }
            case UNKNOWN_STATUS -> {
                // Deliberately not registered: the live responder says unknown as well.
                IssuedCert leaf = kit.ca().issue(kit.spec(name));
                yield kit.withStaple(leaf, OcspSpec.good(leaf).withStatus(CertStatus.UNKNOWN, null));
            }
            case TRY_LATER -> kit.stapledBytes(kit.goodLeaf(name), OcspResponses.error(OCSPRespBuilder.TRY_LATER));
            case MALFORMED_STAPLE -> kit.stapledBytes(kit.goodLeaf(name), garbage());
            case STRANGER_SIGNED -> {
                IssuedCert leaf = kit.goodLeaf(name);
                CertificateAuthority other = stranger();
                yield kit.withStaple(
                        leaf,
                        OcspSpec.good(leaf)
                                .signedBy(other.certificate(), other.privateKey(), List.of(other.certificate())));
            }
            case SIGNER_WITHOUT_EKU -> {
                IssuedCert leaf = kit.goodLeaf(name);
                IssuedCert signer = kit.ca().delegatedResponder("staplescan lab responder without EKU", false);
                yield kit.withStaple(
                        leaf,
                        OcspSpec.good(leaf)
                                .signedBy(signer.certificate(), signer.privateKey(), List.of(signer.certificate())));
            }
            // Signed by the issuer itself (an authorized signer), then one bit of the signature flipped:
            // the ResponderID names the issuer, whose key no longer verifies it.
            case CORRUPTED_SIGNATURE -> {
                IssuedCert leaf = kit.goodLeaf(name);
                yield kit.stapledBytes(
                        leaf, OcspResponses.withCorruptedSignature(OcspResponses.build(OcspSpec.good(leaf))));
            }
            case EXPIRING_SOON_STAPLE ->
                kit.withStaple(
                        kit.goodLeaf(name),
                        spec -> spec.withTimes(
                                kit.now().minus(Duration.ofHours(1)), kit.now().plus(Duration.ofHours(2))));
            case STALE_STAPLE -> kit.withStaple(kit.goodLeaf(name), spec -> spec.withTimes(kit.days(-7), kit.days(3)));
            // thisUpdate an hour ahead: far beyond the default 5-minute clock-skew allowance (a responder
            // whose clock runs fast). nextUpdate keeps the usual 3 days.
            case NOT_YET_VALID_STAPLE ->
                kit.withStaple(
                        kit.goodLeaf(name), spec -> spec.withTimes(kit.now().plus(Duration.ofHours(1)), kit.days(3)));
            // thisUpdate an hour ago and no nextUpdate (RFC 6960 4.2.2.1 allows it; the BRs do not).
            case NO_NEXT_UPDATE_STAPLE ->
                kit.withStaple(
                        kit.goodLeaf(name), spec -> spec.withTimes(kit.now().minus(Duration.ofHours(1)), null));
            default -> throw new IllegalArgumentException(scenario + " is not a staple scenario");
        };
    }

    private CertificateAuthority stranger() {
        if (stranger == null) {
            stranger = CertificateAuthority.root("staplescan lab stranger CA");
        }
        return stranger;
    }

    /** Random bytes that can never parse as DER: an OCSPResponse starts with 0x30 (SEQUENCE). */
    private static byte[] garbage() {
        byte[] bytes = new byte[96];
        RANDOM.nextBytes(bytes);
        bytes[0] = (byte) 0x5a;
        return bytes;
    }
}
