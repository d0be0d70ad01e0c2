package dev.staplescan.check;

import dev.staplescan.input.Target;
import dev.staplescan.lab.pki.CertificateAuthority;
import dev.staplescan.lab.pki.IssuedCert;
import dev.staplescan.lab.pki.LeafSpec;
import dev.staplescan.lab.pki.OcspResponses;
import dev.staplescan.lab.pki.OcspSpec;
import dev.staplescan.scan.Handshake;
import dev.staplescan.scan.Observation;
import dev.staplescan.scan.Outcome;
import dev.staplescan.scan.QueryOutcome;
import dev.staplescan.scan.ResponderAnswer;
import dev.staplescan.scan.TlsVersion;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds observations for assessment tests from certificates and staples made in code by the lab
 * PKI: one endpoint, handshakes added one by one. Also runs a single check on the result.
 */
public final class Scenario {

    /** The instant every test assesses at (the lab PKI dates its CAs and default staples from the real clock). */
    @SuppressWarnings("TimeInStaticInitializer") // on purpose: one instant for every test in the JVM
    public static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    public static final String NAME = "www.example.test";
    public static final String OCSP_URL = "http://ocsp.example.test/";
    public static final String ADDRESS = "192.0.2.1";

    public static final CertificateAuthority ROOT = CertificateAuthority.root("Scenario Root");
    public static final CertificateAuthority CA = ROOT.intermediate("Scenario Issuing CA");
    public static final TrustAnchors ANCHORS = TrustAnchors.of(ROOT.certificate());
    /** A second PKI that {@link #ANCHORS} does not trust: strangers' chains and signers. */
    public static final CertificateAuthority STRANGER_ROOT = CertificateAuthority.root("Stranger Root");

    public static final CertificateAuthority STRANGER_CA = STRANGER_ROOT.intermediate("Stranger CA");

    private final String host;
    private String sni;
    private final List<Handshake> handshakes = new ArrayList<>();
    private final List<ResponderAnswer> answers = new ArrayList<>();

    private Scenario(String host) {
        this.host = host;
        this.sni = host;
    }

    /** An endpoint for {@link #NAME}. */
    public static Scenario endpoint() {
        return new Scenario(NAME);
    }

    public static Scenario endpoint(String host) {
        return new Scenario(host);
    }

    public Scenario sni(String name) {
        this.sni = name;
        return this;
    }

    /** An endpoint with one TLS 1.3 handshake presenting the leaf's chain and this staple ({@code null}: none). */
    public static Scenario stapling(IssuedCert leaf, byte[] staple) {
        return endpoint().handshake(TlsVersion.TLS_1_3, chainOf(leaf), staple);
    }

    /** An endpoint with one TLS 1.3 handshake stapling a good response for a fresh leaf. */
    public static Scenario goodStapling() {
        IssuedCert leaf = leaf();
        return stapling(leaf, goodStaple(leaf));
    }

    /** A completed handshake on {@link #ADDRESS}; {@code staple == null} means none was stapled. */
    public Scenario handshake(TlsVersion version, List<byte[]> chain, byte[] staple) {
        return handshakeAt(ADDRESS, version, chain, staple);
    }

    public Scenario handshakeAt(String address, TlsVersion version, List<byte[]> chain, byte[] staple) {
        return negotiatedAt(address, version, version, chain, staple);
    }

    /** A completed handshake that asked for one version and negotiated another. */
    public Scenario negotiated(TlsVersion asked, TlsVersion ran, List<byte[]> chain, byte[] staple) {
        return negotiatedAt(ADDRESS, asked, ran, chain, staple);
    }

    private Scenario negotiatedAt(String address, TlsVersion asked, TlsVersion ran, List<byte[]> chain, byte[] staple) {
        handshakes.add(new Handshake(
                handshakes.size(),
                address,
                asked,
                Outcome.OK,
                ran.jsseName(),
                "TLS_AES_128_GCM_SHA256",
                chain,
                staple,
                1,
                2,
                null));
        return this;
    }

    /** An attempt that did not complete. */
    public Scenario failed(TlsVersion version, Outcome outcome, String error) {
        handshakes.add(
                new Handshake(handshakes.size(), ADDRESS, version, outcome, null, null, List.of(), null, 1, -1, error));
        return this;
    }

    /** A handshake the client aborted over an unparseable staple (JSSE under TLS 1.3). */
    public Scenario stapleAborted(TlsVersion version, List<byte[]> chain) {
        handshakes.add(new Handshake(
                handshakes.size(),
                ADDRESS,
                version,
                Outcome.STAPLE_MALFORMED,
                null,
                null,
                chain,
                null,
                1,
                2,
                "javax.net.ssl.SSLHandshakeException: Remote host terminated the handshake"));
        return this;
    }

    /** A live responder answer recorded for this endpoint. */
    public Scenario answer(ResponderAnswer answer) {
        answers.add(answer);
        return this;
    }

    public Observation observation() {
        Target target = new Target(1, host, 443, sni, "team", "prod", "");
        return new Observation(target, NOW, 10, Outcome.OK, List.of(ADDRESS), handshakes, null, answers);
    }

    /** The messages one check reports under the default policy. */
    public List<String> messages(Check check) {
        return messages(check, Policy.defaults());
    }

    public List<String> messages(Check check, Policy policy) {
        return messages(check, policy, ANCHORS);
    }

    public List<String> messages(Check check, Policy policy, TrustAnchors anchors) {
        List<String> out = new ArrayList<>();
        check.evaluate(evidence(policy, anchors), policy, out::add);
        return out;
    }

    public Evidence evidence(Policy policy, TrustAnchors anchors) {
        return Evidence.of(observation(), NOW, policy, anchors);
    }

    public Assessment assess() {
        return new Assessor(ANCHORS, Policy.defaults()).assess(observation());
    }

    // --- certificates and staples ---

    /** A leaf spec for {@link #NAME} with an OCSP URL, valid NOW-1d .. NOW+90d. */
    public static LeafSpec leafSpec() {
        return LeafSpec.forName(NAME)
                .withOcspUrl(OCSP_URL)
                .withValidity(NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(90)));
    }

    /** A fresh, good leaf issued by {@link #CA}. */
    public static IssuedCert leaf() {
        return CA.issue(leafSpec());
    }

    /**
     * What {@code check} reports for an endpoint that completed a TLS 1.3 handshake with {@code leaf} and
     * a good staple, and got {@code answer} from the live responder: the fixture of the responder checks.
     */
    public static List<String> liveAnswerMessages(Check check, IssuedCert leaf, ResponderAnswer answer) {
        return endpoint()
                .handshake(TlsVersion.TLS_1_3, chainOf(leaf), goodStaple(leaf))
                .answer(answer)
                .messages(check);
    }

    /** The leaf and every CA above it except the root, as a server sends them. */
    public static List<byte[]> chainOf(IssuedCert leaf) {
        List<X509Certificate> certs = new ArrayList<>();
        certs.add(leaf.certificate());
        for (CertificateAuthority ca = leaf.issuer(); ca != null && ca.parent() != null; ca = ca.parent()) {
            certs.add(ca.certificate());
        }
        return der(certs.toArray(X509Certificate[]::new));
    }

    public static List<byte[]> der(X509Certificate... certs) {
        List<byte[]> out = new ArrayList<>();
        for (X509Certificate c : certs) {
            try {
                out.add(c.getEncoded());
            } catch (CertificateEncodingException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    /** A good staple for the leaf: signed by its issuer, thisUpdate NOW-1h, nextUpdate NOW+3d. */
    public static byte[] goodStaple(IssuedCert leaf) {
        return OcspResponses.build(spec(leaf));
    }

    /** The spec of {@link #goodStaple}, to vary. */
    public static OcspSpec spec(IssuedCert leaf) {
        return OcspSpec.good(leaf).withTimes(NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofDays(3)));
    }

    public static byte[] staple(OcspSpec spec) {
        return OcspResponses.build(spec);
    }

    /** The responder at {@link #OCSP_URL} answered HTTP 200 with {@code body} after {@code millis}, at NOW. */
    public static ResponderAnswer live(IssuedCert leaf, byte[] body, long millis) {
        return new ResponderAnswer(
                OCSP_URL,
                Fmt.serial(leaf.certificate().getSerialNumber()),
                "00",
                QueryOutcome.ANSWERED,
                200,
                body,
                NOW,
                millis,
                null);
    }

    /** A query that was decided against before anything was sent (untrusted chain, responder policy). */
    public static ResponderAnswer notSent(IssuedCert leaf, QueryOutcome outcome, String error) {
        return ResponderAnswer.notQueried(
                OCSP_URL, Fmt.serial(leaf.certificate().getSerialNumber()), "00", outcome, NOW, error);
    }

    /** A query about the leaf that ended without an answer. */
    public static ResponderAnswer liveFailed(IssuedCert leaf, QueryOutcome outcome, String error) {
        return new ResponderAnswer(
                OCSP_URL, Fmt.serial(leaf.certificate().getSerialNumber()), "00", outcome, -1, null, NOW, 5000, error);
    }
}
