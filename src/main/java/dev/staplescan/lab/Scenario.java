package dev.staplescan.lab;

import static dev.staplescan.check.FindingCode.CERT_CHAIN_INCOMPLETE;
import static dev.staplescan.check.FindingCode.CERT_EXPIRED;
import static dev.staplescan.check.FindingCode.CERT_EXPIRING_SOON;
import static dev.staplescan.check.FindingCode.CERT_HOSTNAME_MISMATCH;
import static dev.staplescan.check.FindingCode.CERT_NOT_YET_VALID;
import static dev.staplescan.check.FindingCode.CERT_REVOKED;
import static dev.staplescan.check.FindingCode.CERT_SELF_SIGNED;
import static dev.staplescan.check.FindingCode.CERT_UNTRUSTED;
import static dev.staplescan.check.FindingCode.CONNECT_REFUSED;
import static dev.staplescan.check.FindingCode.CONNECT_TIMEOUT;
import static dev.staplescan.check.FindingCode.DNS_FAILURE;
import static dev.staplescan.check.FindingCode.HANDSHAKE_FAILED;
import static dev.staplescan.check.FindingCode.HANDSHAKE_TIMEOUT;
import static dev.staplescan.check.FindingCode.MUST_STAPLE_VIOLATION;
import static dev.staplescan.check.FindingCode.OCSP_NOT_OFFERED;
import static dev.staplescan.check.FindingCode.OCSP_RESPONDER_BLOCKED;
import static dev.staplescan.check.FindingCode.OCSP_RESPONDER_DISAGREES;
import static dev.staplescan.check.FindingCode.OCSP_RESPONDER_SLOW;
import static dev.staplescan.check.FindingCode.OCSP_RESPONDER_UNREACHABLE;
import static dev.staplescan.check.FindingCode.STAPLE_EXPIRED;
import static dev.staplescan.check.FindingCode.STAPLE_EXPIRING_SOON;
import static dev.staplescan.check.FindingCode.STAPLE_INCONSISTENT;
import static dev.staplescan.check.FindingCode.STAPLE_INTERMITTENT;
import static dev.staplescan.check.FindingCode.STAPLE_MALFORMED;
import static dev.staplescan.check.FindingCode.STAPLE_MISSING;
import static dev.staplescan.check.FindingCode.STAPLE_NOT_YET_VALID;
import static dev.staplescan.check.FindingCode.STAPLE_NO_NEXT_UPDATE;
import static dev.staplescan.check.FindingCode.STAPLE_PROTOCOL_GAP;
import static dev.staplescan.check.FindingCode.STAPLE_RESPONSE_STATUS;
import static dev.staplescan.check.FindingCode.STAPLE_SIGNATURE_INVALID;
import static dev.staplescan.check.FindingCode.STAPLE_STALE;
import static dev.staplescan.check.FindingCode.STAPLE_STATUS_REVOKED;
import static dev.staplescan.check.FindingCode.STAPLE_STATUS_UNKNOWN;
import static dev.staplescan.check.FindingCode.STAPLE_UNAUTHORIZED_SIGNER;
import static dev.staplescan.check.FindingCode.STAPLE_WRONG_CERT;

import dev.staplescan.check.FindingCode;
import dev.staplescan.check.Severity;
import dev.staplescan.check.Verdict;
import dev.staplescan.scan.TlsVersion;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The behaviours the lab fleet can put on an endpoint (SPEC §9), each with the verdict and finding
 * codes a correct scan must produce under the default policy, when the scanner trusts the lab root
 * ({@link Fleet#writeTrustBundle}) and names the endpoint by its {@link #sni()}. How each endpoint
 * is built is in {@code ScenarioSetups}; the dates used are documented there.
 */
public enum Scenario {
    GOOD("valid staple, leaf with OCSP URL", Verdict.PASS),
    NO_STAPLE("stapling not enabled although the leaf has an OCSP URL", Verdict.FAIL, STAPLE_MISSING),
    // The live responder says revoked too, hence CERT_REVOKED (the staple alone gives STAPLE_STATUS_REVOKED).
    REVOKED("staple says revoked (revoked 2 days ago)", Verdict.FAIL, CERT_REVOKED, STAPLE_STATUS_REVOKED),
    EXPIRED_STAPLE("staple's nextUpdate 3 days in the past (server stopped refreshing)", Verdict.FAIL, STAPLE_EXPIRED),
    WRONG_CERT_STAPLE(
            "valid staple for the previous certificate of the same CA (after a renewal)",
            Verdict.FAIL,
            STAPLE_WRONG_CERT),
    MUST_STAPLE_NO_STAPLE(
            "must-staple leaf served without a staple", Verdict.FAIL, MUST_STAPLE_VIOLATION, STAPLE_MISSING),
    NO_OCSP_URL("CA without OCSP: leaf has no OCSP URL, nothing stapled", Verdict.PASS, OCSP_NOT_OFFERED),
    EXPIRED_CERT("leaf expired 30 days ago, valid staple", Verdict.FAIL, CERT_EXPIRED),
    WRONG_NAME("certificate for another name, valid staple", Verdict.FAIL, CERT_HOSTNAME_MISMATCH),
    CLOSED_PORT("nothing listens on the port", Verdict.ERROR, CONNECT_REFUSED),
    UNKNOWN_STATUS("staple says status unknown", Verdict.FAIL, STAPLE_STATUS_UNKNOWN),
    TRY_LATER("stapled an OCSP error response (tryLater, no responseBytes)", Verdict.FAIL, STAPLE_RESPONSE_STATUS),
    MALFORMED_STAPLE("stapled random bytes, under both TLS versions", Verdict.FAIL, STAPLE_MALFORMED),
    // Signed by a stranger CA's key, the stranger's certificate included. A checker that only tries
    // the issuer's key would say STAPLE_SIGNATURE_INVALID instead; UNAUTHORIZED_SIGNER is the precise one.
    STRANGER_SIGNED("staple signed by a CA outside the chain", Verdict.FAIL, STAPLE_UNAUTHORIZED_SIGNER),
    SIGNER_WITHOUT_EKU(
            "staple signed by a responder certificate of the issuer lacking id-kp-OCSPSigning",
            Verdict.FAIL,
            STAPLE_UNAUTHORIZED_SIGNER),
    // Only the first handshake after start lacks the staple (cold cache): expected when the scan is the
    // first client and repeats handshakes (SPEC §4.2). A later scan sees a GOOD endpoint.
    INTERMITTENT("first handshake after start without staple, later ones stapled", Verdict.FAIL, STAPLE_INTERMITTENT),
    TLS12_ONLY_STAPLE("speaks TLS 1.2 and 1.3, staples under TLS 1.2 only", Verdict.WARN, STAPLE_PROTOCOL_GAP),
    // nextUpdate 2 hours ahead (thisUpdate 1 hour ago): "soon" under any plausible default threshold.
    EXPIRING_SOON_STAPLE("staple's nextUpdate in 2 hours", Verdict.WARN, STAPLE_EXPIRING_SOON),
    // thisUpdate 7 days ago, nextUpdate in 3 days (10-day response, the CA/B Forum maximum), so only
    // the age is wrong; assumes the default staleness limit is below 7 days.
    STALE_STAPLE("staple produced 7 days ago, still within its validity", Verdict.WARN, STAPLE_STALE),
    // Leaf sent without its intermediate; the leaf's caIssuers URL points at the responder, which
    // serves the intermediate. A checker that does not fetch it may add CERT_UNTRUSTED (and cannot
    // verify the staple's issuer hashes); expected here is the precise diagnosis only.
    INCOMPLETE_CHAIN("leaf sent without its intermediate, valid staple", Verdict.WARN, CERT_CHAIN_INCOMPLETE),
    // Self-signed leaf without AIA: nothing to staple. A checker may report CERT_UNTRUSTED as well.
    SELF_SIGNED("self-signed leaf, no OCSP URL, no staple", Verdict.FAIL, CERT_SELF_SIGNED, OCSP_NOT_OFFERED),
    NOT_TLS("plain HTTP on the port: answers the ClientHello with an HTTP 400", Verdict.ERROR, FindingCode.NOT_TLS),
    TARPIT("accepts the connection and never answers", Verdict.ERROR, HANDSHAKE_TIMEOUT),
    TLS12_ONLY("speaks only TLS 1.2 and staples a valid response", Verdict.PASS),
    // One second before the ServerHello: well inside any sane handshake timeout.
    SLOW("waits 1 s before answering the ClientHello, valid staple", Verdict.PASS),
    // The leaf's AIA names a loopback port where nothing listens: the live query is refused at once.
    RESPONDER_UNREACHABLE(
            "valid staple, but the leaf's OCSP URL points at a closed port", Verdict.WARN, OCSP_RESPONDER_UNREACHABLE),
    // A second lab responder answers after RESPONDER_SLOW_DELAY, above the default 2 s threshold.
    RESPONDER_SLOW("valid staple; the leaf's responder answers after 2.5 s", Verdict.WARN, OCSP_RESPONDER_SLOW),
    // The leaf's AIA names the cloud metadata address: the responder policy never queries it, and says so
    // (INFO). Nothing is ever sent there, by the scanner or the lab.
    RESPONDER_BLOCKED(
            "valid staple; the leaf's OCSP URL names the cloud metadata address 169.254.169.254",
            Verdict.PASS,
            OCSP_RESPONDER_BLOCKED),
    // Revoked an hour ago; the server still staples the good response it fetched before (valid 3 days).
    RESPONDER_DISAGREES(
            "staples a still-valid good response; the responder now says revoked",
            Verdict.FAIL,
            CERT_REVOKED,
            OCSP_RESPONDER_DISAGREES),
    // Connections alternate between two backends with different (each valid and validly stapled)
    // certificates. Shows with 2 handshakes in all, e.g. one per version, or --handshakes 2 under one.
    INCONSISTENT_BACKENDS(
            "consecutive connections alternate between two backends with different certificates",
            Verdict.FAIL,
            STAPLE_INCONSISTENT),
    NOT_YET_VALID_CERT("leaf valid only from 2 days ahead, valid staple", Verdict.FAIL, CERT_NOT_YET_VALID),
    // 5 days left, below the default policy's 21-day warning.
    EXPIRING_SOON_CERT("leaf expires in 5 days, valid staple", Verdict.WARN, CERT_EXPIRING_SOON),
    // Leaf and intermediate sent; their root is not in the fleet's trust bundle. Neither self-signed
    // nor incomplete, and the staple (signed by that intermediate) is still judged, and valid.
    UNTRUSTED_ROOT("full chain to a root outside the trust bundle, valid staple", Verdict.FAIL, CERT_UNTRUSTED),
    // The issuer (an authorized signer) signed it; the signature no longer verifies.
    CORRUPTED_SIGNATURE(
            "staple signed by the issuer, one bit of the signature flipped", Verdict.FAIL, STAPLE_SIGNATURE_INVALID),
    NOT_YET_VALID_STAPLE(
            "staple's thisUpdate 1 hour ahead (beyond the 5 min clock-skew allowance)",
            Verdict.FAIL,
            STAPLE_NOT_YET_VALID),
    NO_NEXT_UPDATE_STAPLE("staple without nextUpdate (thisUpdate 1 hour ago)", Verdict.WARN, STAPLE_NO_NEXT_UPDATE),
    HANDSHAKE_ALERT("answers every ClientHello with a fatal handshake_failure alert", Verdict.ERROR, HANDSHAKE_FAILED),
    // SYNs are dropped, so the cost is the scanner's connect timeout once per TLS version (no repeats).
    FULL_BACKLOG("listens but never accepts, accept queue full: connects time out", Verdict.ERROR, CONNECT_TIMEOUT),
    // The host-list line names unresolvable.invalid (RFC 6761): never resolves, bounded by the resolve timeout.
    UNRESOLVABLE("host name under .invalid, which never resolves", Verdict.ERROR, DNS_FAILURE);

    /** How long the RESPONDER_SLOW scenario's responder waits before each answer. */
    public static final Duration RESPONDER_SLOW_DELAY = Duration.ofMillis(2500);

    /** Domain under which every lab name lives; {@code .test} is reserved (RFC 2606), never public. */
    public static final String DOMAIN = "lab.staplescan.test";

    private final String description;
    private final Verdict expectedVerdict;

    @SuppressWarnings("ImmutableEnumChecker") // an unmodifiable Set.copyOf
    private final Set<FindingCode> expectedCodes;

    Scenario(String description, Verdict expectedVerdict, FindingCode... expectedCodes) {
        this.description = description;
        this.expectedVerdict = expectedVerdict;
        EnumSet<FindingCode> codes = EnumSet.noneOf(FindingCode.class);
        codes.addAll(List.of(expectedCodes));
        // EnumSet keeps catalogue order, so tables and CSV list codes the same way every time.
        this.expectedCodes = Collections.unmodifiableSet(codes);
    }

    /** What the endpoint does, in one line. */
    public String description() {
        return description;
    }

    public Verdict expectedVerdict() {
        return expectedVerdict;
    }

    /** Every code a correct scan under both TLS versions reports, and no others (an unordered, immutable set). */
    public Set<FindingCode> expectedCodes() {
        return expectedCodes;
    }

    /**
     * The codes a correct scan reports when it asks only for {@code versions} (with at least two
     * handshakes per version, as for INTERMITTENT and INCONSISTENT_BACKENDS). Differs from
     * {@link #expectedCodes()} where the behaviour depends on the version: TLS12_ONLY_STAPLE staples
     * under TLS 1.2 only, TLS12_ONLY refuses TLS 1.3, and STAPLE_PROTOCOL_GAP needs both versions.
     */
    public Set<FindingCode> expectedCodes(Set<TlsVersion> versions) {
        if (versions.containsAll(EnumSet.allOf(TlsVersion.class))) {
            return expectedCodes;
        }
        boolean tls13 = versions.contains(TlsVersion.TLS_1_3);
        return switch (this) {
            case TLS12_ONLY_STAPLE -> tls13 ? Set.of(STAPLE_MISSING) : Set.of();
            case TLS12_ONLY -> tls13 ? Set.of(HANDSHAKE_FAILED) : expectedCodes;
            default -> expectedCodes;
        };
    }

    /**
     * The verdict for {@link #expectedCodes(Set)} under the default policy: ERROR when the codes say
     * no handshake completed, else by the codes' default severities.
     */
    public Verdict expectedVerdict(Set<TlsVersion> versions) {
        Set<FindingCode> codes = expectedCodes(versions);
        if (codes.stream().anyMatch(c -> c.area() == FindingCode.Area.REACHABILITY)) {
            return Verdict.ERROR;
        }
        if (codes.stream().anyMatch(c -> c.defaultSeverity().atLeast(Severity.HIGH))) {
            return Verdict.FAIL;
        }
        return codes.stream().anyMatch(c -> c.defaultSeverity().atLeast(Severity.LOW)) ? Verdict.WARN : Verdict.PASS;
    }

    /** The server name for this scenario, e.g. {@code no-staple.lab.staplescan.test}. */
    public String sni() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-') + "." + DOMAIN;
    }
}
