package dev.staplescan.lab;

import dev.staplescan.lab.pki.CertStatus;
import dev.staplescan.lab.pki.CertificateAuthority;
import dev.staplescan.lab.pki.IssuedCert;
import dev.staplescan.lab.pki.LeafSpec;
import dev.staplescan.lab.pki.OcspResponses;
import dev.staplescan.lab.pki.OcspSpec;
import dev.staplescan.scan.TlsVersion;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;

/**
 * Turns a {@link Scenario} into the certificates, responder records and {@link EndpointSetup} that
 * produce exactly its expected findings. Staples are built once, at fleet start, with dates relative
 * to that moment: a lab left running for hours drifts (EXPIRING_SOON_STAPLE expires after 2 h).
 */
final class ScenarioSetups {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final CertificateAuthority ca;
    private final OcspResponder responder;
    private final LoopbackAddresses addresses;
    private final Consumer<OcspResponder> started;
    private final Instant now = Instant.now();
    private CertificateAuthority stranger;

    /**
     * @param addresses where to find a closed port for RESPONDER_UNREACHABLE
     * @param started   receives every extra server started here (the slow responder), for the fleet to close
     */
    ScenarioSetups(CertificateAuthority ca, OcspResponder responder, LoopbackAddresses addresses,
            Consumer<OcspResponder> started) {
        this.ca = ca;
        this.responder = responder;
        this.addresses = addresses;
        this.started = started;
    }

    /** The endpoint for a scenario; {@code null} for {@link Scenario#CLOSED_PORT}, where nothing listens. */
    EndpointSetup build(Scenario scenario) {
        String name = scenario.sni();
        return switch (scenario) {
            case GOOD, TLS12_ONLY, SLOW, INTERMITTENT, TLS12_ONLY_STAPLE -> stapled(scenario, goodLeaf(name));
            case NO_STAPLE -> unstapled(goodLeaf(name));
            case REVOKED -> {
                IssuedCert leaf = ca.issue(spec(name));
                Instant revokedAt = now.minus(Duration.ofDays(2));
                responder.registry().register(leaf, CertStatus.REVOKED, revokedAt);
                yield withStaple(leaf, OcspSpec.good(leaf).withStatus(CertStatus.REVOKED, revokedAt));
            }
            case EXPIRED_STAPLE -> withStaple(goodLeaf(name), spec -> spec.withTimes(days(-10), days(-3)));
            // The certificate before the renewal: same name and CA, other serial and key.
            case WRONG_CERT_STAPLE -> wrongCert(name, goodLeaf(name));
            case MUST_STAPLE_NO_STAPLE -> unstapled(register(ca.issue(spec(name).withMustStaple(true))));
            case NO_OCSP_URL -> unstapled(ca.issue(LeafSpec.forName(name)));
            case EXPIRED_CERT -> withStaple(register(ca.issue(spec(name).withValidity(days(-120), days(-30)))),
                    spec -> spec);
            case WRONG_NAME -> withStaple(goodLeaf("other-name." + Scenario.DOMAIN), spec -> spec);
            case CLOSED_PORT -> null;
            case UNKNOWN_STATUS -> {
                // Deliberately not registered: the live responder says unknown as well.
                IssuedCert leaf = ca.issue(spec(name));
                yield withStaple(leaf, OcspSpec.good(leaf).withStatus(CertStatus.UNKNOWN, null));
            }
            case TRY_LATER -> stapledBytes(goodLeaf(name), OcspResponses.error(OCSPRespBuilder.TRY_LATER));
            case MALFORMED_STAPLE -> stapledBytes(goodLeaf(name), garbage());
            case STRANGER_SIGNED -> {
                IssuedCert leaf = goodLeaf(name);
                CertificateAuthority other = stranger();
                yield withStaple(leaf, OcspSpec.good(leaf)
                        .signedBy(other.certificate(), other.privateKey(), List.of(other.certificate())));
            }
            case SIGNER_WITHOUT_EKU -> {
                IssuedCert leaf = goodLeaf(name);
                IssuedCert signer = ca.delegatedResponder("staplescan lab responder without EKU", false);
                yield withStaple(leaf, OcspSpec.good(leaf)
                        .signedBy(signer.certificate(), signer.privateKey(), List.of(signer.certificate())));
            }
            case EXPIRING_SOON_STAPLE -> withStaple(goodLeaf(name),
                    spec -> spec.withTimes(now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(2))));
            case STALE_STAPLE -> withStaple(goodLeaf(name), spec -> spec.withTimes(days(-7), days(3)));
            case INCOMPLETE_CHAIN -> {
                String issuerUrl = responder.publish("intermediate.cer", ca.certificate());
                IssuedCert leaf = register(ca.issue(spec(name).withCaIssuersUrl(issuerUrl)));
                yield EndpointSetup.tls(List.of(leaf.certificate()), leaf.privateKey(),
                        OcspResponses.build(OcspSpec.good(leaf)));
            }
            case SELF_SIGNED -> {
                IssuedCert self = CertificateAuthority.selfSigned(LeafSpec.forName(name));
                yield EndpointSetup.tls(List.of(self.certificate()), self.privateKey(), null);
            }
            case INCONSISTENT_BACKENDS -> {
                // Two backends behind one address, each with its own (valid, correctly stapled)
                // certificate for the name, as after a renewal rolled out to half a pool.
                EndpointSetup first = stapled(scenario, goodLeaf(name));
                yield first.withOtherBackend(stapled(scenario, goodLeaf(name)));
            }
            case NOT_TLS -> EndpointSetup.misbehaving(EndpointSetup.Mode.NOT_TLS);
            case TARPIT -> EndpointSetup.misbehaving(EndpointSetup.Mode.TARPIT);
            case RESPONDER_UNREACHABLE -> {
                InetAddress nowhere = addresses.next();
                String url = "http://" + nowhere.getHostAddress() + ":" + Fleet.unusedPort(nowhere) + "/ocsp";
                yield withStaple(ca.issue(LeafSpec.forName(name).withOcspUrl(url)), spec -> spec);
            }
            case RESPONDER_SLOW -> {
                // Same registry as the main responder, so it knows the leaf; only slower.
                OcspResponder slow = OcspResponder.start(responder.registry(), Scenario.RESPONDER_SLOW_DELAY);
                started.accept(slow);
                yield withStaple(register(ca.issue(LeafSpec.forName(name).withOcspUrl(slow.url()))), spec -> spec);
            }
            case RESPONDER_DISAGREES -> {
                IssuedCert leaf = ca.issue(spec(name));
                responder.registry().register(leaf, CertStatus.REVOKED, now.minus(Duration.ofHours(1)));
                yield withStaple(leaf, spec -> spec);
            }
        };
    }

    /**
     * A GOOD endpoint's setup for a shared name (benchmark endpoints all serve one certificate). The
     * certificate also covers {@code *.name}, so a benchmark list can give each line its own SNI
     * (distinct endpoints to the scanner) while a few hundred servers answer them all.
     */
    EndpointSetup shared(String name) {
        return stapled(Scenario.GOOD, register(ca.issue(spec(name).withDnsNames(name, "*." + name))));
    }

    private EndpointSetup stapled(Scenario scenario, IssuedCert leaf) {
        EndpointSetup setup = EndpointSetup.tls(chain(leaf), leaf.privateKey(), OcspResponses.build(OcspSpec.good(leaf)));
        return switch (scenario) {
            case TLS12_ONLY -> setup.withVersions(TlsVersion.TLS_1_2);
            case SLOW -> setup.withDelay(Duration.ofSeconds(1));
            case INTERMITTENT -> setup.withUnstapledFirst(1);
            case TLS12_ONLY_STAPLE -> setup.withStaples(setup.staple12(), null);
            default -> setup;
        };
    }

    private EndpointSetup wrongCert(String name, IssuedCert previous) {
        IssuedCert current = goodLeaf(name);
        return EndpointSetup.tls(chain(current), current.privateKey(), OcspResponses.build(OcspSpec.good(previous)));
    }

    private EndpointSetup unstapled(IssuedCert leaf) {
        return EndpointSetup.tls(chain(leaf), leaf.privateKey(), null);
    }

    private EndpointSetup stapledBytes(IssuedCert leaf, byte[] staple) {
        return EndpointSetup.tls(chain(leaf), leaf.privateKey(), staple);
    }

    private EndpointSetup withStaple(IssuedCert leaf, OcspSpec spec) {
        return stapledBytes(leaf, OcspResponses.build(spec));
    }

    private EndpointSetup withStaple(IssuedCert leaf, UnaryOperator<OcspSpec> change) {
        return withStaple(leaf, change.apply(OcspSpec.good(leaf)));
    }

    private IssuedCert goodLeaf(String name) {
        return register(ca.issue(spec(name)));
    }

    private IssuedCert register(IssuedCert leaf) {
        responder.registry().register(leaf, CertStatus.GOOD, null);
        return leaf;
    }

    private LeafSpec spec(String name) {
        return LeafSpec.forName(name).withOcspUrl(responder.url());
    }

    private List<X509Certificate> chain(IssuedCert leaf) {
        return List.of(leaf.certificate(), ca.certificate());
    }

    private CertificateAuthority stranger() {
        if (stranger == null) {
            stranger = CertificateAuthority.root("staplescan lab stranger CA");
        }
        return stranger;
    }

    private Instant days(int offset) {
        return now.plus(Duration.ofDays(offset));
    }

    /** Random bytes that can never parse as DER: an OCSPResponse starts with 0x30 (SEQUENCE). */
    private static byte[] garbage() {
        byte[] bytes = new byte[96];
        RANDOM.nextBytes(bytes);
        bytes[0] = (byte) 0x5a;
        return bytes;
    }
}
