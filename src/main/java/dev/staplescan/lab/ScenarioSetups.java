package dev.staplescan.lab;

import dev.staplescan.lab.pki.CertStatus;
import dev.staplescan.lab.pki.CertificateAuthority;
import dev.staplescan.lab.pki.IssuedCert;
import dev.staplescan.lab.pki.LeafSpec;
import dev.staplescan.lab.pki.OcspResponses;
import dev.staplescan.lab.pki.OcspSpec;
import dev.staplescan.scan.TlsVersion;
import java.net.InetAddress;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Turns a {@link Scenario} into the certificates, responder records and {@link EndpointSetup} that
 * produce exactly its expected findings. Stapling support, reachability and responder scenarios
 * are built here; certificate faults in {@link CertificateSetups}, staple faults in
 * {@link StapleSetups}. Dates are relative to fleet start ({@link SetupKit#now()}).
 */
final class ScenarioSetups {

    /** The OCSP URL of RESPONDER_BLOCKED: the instance metadata service of most clouds. */
    static final String METADATA_URL = "http://169.254.169.254/latest/meta-data/";

    private final SetupKit kit;
    private final CertificateSetups certificates;
    private final StapleSetups staples;
    private final LoopbackAddresses addresses;
    private final Consumer<OcspResponder> started;

    /**
     * @param addresses where to find a closed port for RESPONDER_UNREACHABLE
     * @param started   receives every extra server started here (the slow responder), for the fleet to close
     */
    ScenarioSetups(
            CertificateAuthority ca,
            OcspResponder responder,
            LoopbackAddresses addresses,
            Consumer<OcspResponder> started) {
        this.kit = new SetupKit(ca, responder);
        this.certificates = new CertificateSetups(kit);
        this.staples = new StapleSetups(kit);
        this.addresses = addresses;
        this.started = started;
    }

    /** The endpoint for a scenario; {@code null} for {@link Scenario#CLOSED_PORT}, where nothing listens. */
    EndpointSetup build(Scenario scenario) {
        String name = scenario.sni();
        return switch (scenario) {
            case GOOD, TLS12_ONLY, SLOW, INTERMITTENT, TLS12_ONLY_STAPLE -> stapled(scenario, kit.goodLeaf(name));
            case NO_STAPLE -> kit.unstapled(kit.goodLeaf(name));
            case MUST_STAPLE_NO_STAPLE ->
                kit.unstapled(kit.register(kit.ca().issue(kit.spec(name).withMustStaple(true))));
            case NO_OCSP_URL -> kit.unstapled(kit.ca().issue(LeafSpec.forName(name)));
            case INCONSISTENT_BACKENDS -> {
                // Two backends behind one address, each with its own (valid, correctly stapled)
                // certificate for the name, as after a renewal rolled out to half a pool.
                EndpointSetup first = stapled(scenario, kit.goodLeaf(name));
                yield first.withOtherBackend(stapled(scenario, kit.goodLeaf(name)));
            }
            case EXPIRED_CERT,
                    NOT_YET_VALID_CERT,
                    EXPIRING_SOON_CERT,
                    WRONG_NAME,
                    UNTRUSTED_ROOT,
                    INCOMPLETE_CHAIN,
                    SELF_SIGNED -> certificates.build(scenario);
            case REVOKED,
                    EXPIRED_STAPLE,
                    WRONG_CERT_STAPLE,
                    UNKNOWN_STATUS,
                    TRY_LATER,
                    MALFORMED_STAPLE,
                    STRANGER_SIGNED,
                    SIGNER_WITHOUT_EKU,
                    CORRUPTED_SIGNATURE,
                    EXPIRING_SOON_STAPLE,
                    STALE_STAPLE,
                    NOT_YET_VALID_STAPLE,
                    NO_NEXT_UPDATE_STAPLE -> staples.build(scenario);
            case CLOSED_PORT -> null;
            case UNRESOLVABLE -> EndpointSetup.misbehaving(EndpointSetup.Mode.UNRESOLVABLE);
            case FULL_BACKLOG -> EndpointSetup.misbehaving(EndpointSetup.Mode.FULL_BACKLOG);
            case NOT_TLS -> EndpointSetup.misbehaving(EndpointSetup.Mode.NOT_TLS);
            case HANDSHAKE_ALERT -> EndpointSetup.misbehaving(EndpointSetup.Mode.ALERT);
            case TARPIT -> EndpointSetup.misbehaving(EndpointSetup.Mode.TARPIT);
            case RESPONDER_UNREACHABLE -> {
                InetAddress nowhere = addresses.next();
                String url = "http://" + nowhere.getHostAddress() + ":" + Fleet.unusedPort(nowhere) + "/ocsp";
                IssuedCert leaf = kit.ca().issue(LeafSpec.forName(name).withOcspUrl(url));
                yield kit.withStaple(leaf, OcspSpec.good(leaf));
            }
            case RESPONDER_BLOCKED -> {
                // A link-local address: refused by the responder policy before any connection.
                IssuedCert leaf = kit.ca().issue(LeafSpec.forName(name).withOcspUrl(METADATA_URL));
                yield kit.withStaple(leaf, OcspSpec.good(leaf));
            }
            case RESPONDER_SLOW -> {
                // Same registry as the main responder, so it knows the leaf; only slower.
                OcspResponder slow = OcspResponder.start(kit.responder().registry(), Scenario.RESPONDER_SLOW_DELAY);
                started.accept(slow);
                IssuedCert leaf =
                        kit.register(kit.ca().issue(LeafSpec.forName(name).withOcspUrl(slow.url())));
                yield kit.withStaple(leaf, OcspSpec.good(leaf));
            }
            case RESPONDER_DISAGREES -> {
                IssuedCert leaf = kit.ca().issue(kit.spec(name));
                kit.responder()
                        .registry()
                        .register(leaf, CertStatus.REVOKED, kit.now().minus(Duration.ofHours(1)));
                yield kit.withStaple(leaf, OcspSpec.good(leaf));
            }
        };
    }

    /**
     * A GOOD endpoint's setup for a shared name (benchmark endpoints all serve one certificate). The
     * certificate also covers {@code *.name}, so a benchmark list can give each line its own SNI
     * (distinct endpoints to the scanner) while a few hundred servers answer them all.
     */
    EndpointSetup shared(String name) {
        return stapled(Scenario.GOOD, kit.register(kit.ca().issue(kit.spec(name).withDnsNames(name, "*." + name))));
    }

    private EndpointSetup stapled(Scenario scenario, IssuedCert leaf) {
        EndpointSetup setup =
                EndpointSetup.tls(kit.chain(leaf), leaf.privateKey(), OcspResponses.build(OcspSpec.good(leaf)));
        return switch (scenario) {
            case TLS12_ONLY -> setup.withVersions(TlsVersion.TLS_1_2);
            case SLOW -> setup.withDelay(Duration.ofSeconds(1));
            case INTERMITTENT -> setup.withUnstapledFirst(1);
            case TLS12_ONLY_STAPLE -> setup.withStaples(setup.staple12(), null);
            default -> setup;
        };
    }
}
