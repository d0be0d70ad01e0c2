package dev.staplescan.check;

import dev.staplescan.check.certificate.CertChainIncompleteCheck;
import dev.staplescan.check.certificate.CertExpiredCheck;
import dev.staplescan.check.certificate.CertExpiringSoonCheck;
import dev.staplescan.check.certificate.CertHostnameMismatchCheck;
import dev.staplescan.check.certificate.CertNotYetValidCheck;
import dev.staplescan.check.certificate.CertRevokedCheck;
import dev.staplescan.check.certificate.CertSelfSignedCheck;
import dev.staplescan.check.certificate.CertUntrustedCheck;
import dev.staplescan.check.responder.OcspResponderBlockedCheck;
import dev.staplescan.check.responder.OcspResponderDisagreesCheck;
import dev.staplescan.check.responder.OcspResponderSlowCheck;
import dev.staplescan.check.responder.OcspResponderUnreachableCheck;
import dev.staplescan.check.staple.StapleExpiredCheck;
import dev.staplescan.check.staple.StapleExpiringSoonCheck;
import dev.staplescan.check.staple.StapleMalformedCheck;
import dev.staplescan.check.staple.StapleNoNextUpdateCheck;
import dev.staplescan.check.staple.StapleNotYetValidCheck;
import dev.staplescan.check.staple.StapleResponseStatusCheck;
import dev.staplescan.check.staple.StapleSignatureInvalidCheck;
import dev.staplescan.check.staple.StapleStaleCheck;
import dev.staplescan.check.staple.StapleStatusRevokedCheck;
import dev.staplescan.check.staple.StapleStatusUnknownCheck;
import dev.staplescan.check.staple.StapleUnauthorizedSignerCheck;
import dev.staplescan.check.staple.StapleWrongCertCheck;
import dev.staplescan.check.stapling.MustStapleViolationCheck;
import dev.staplescan.check.stapling.OcspNotOfferedCheck;
import dev.staplescan.check.stapling.StapleInconsistentCheck;
import dev.staplescan.check.stapling.StapleIntermittentCheck;
import dev.staplescan.check.stapling.StapleMissingCheck;
import dev.staplescan.check.stapling.StapleProtocolGapCheck;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The finding catalogue (SPEC §5). The names are a stable contract: reports, CSV consumers and
 * policies refer to them. Add codes freely, never rename one.
 *
 * <p>The one place a code is declared: its entry says everything the rest of staplescan needs
 * (area, default severity, title, remediation, the check that produces it, whether it invalidates a
 * staple, the policy threshold that decides it). The check registry ({@link Checks}), the SQL that
 * counts valid staples, the policy keys and the methodology text are derived from these entries;
 * the glossary, the lab scenarios and the README table are guarded by tests. README, "Finding
 * codes", lists the files a new code needs.
 */
public enum FindingCode {
    // --- reachability: the endpoint could not be assessed ---
    DNS_FAILURE(
            Area.REACHABILITY,
            Severity.HIGH,
            "Name does not resolve",
            "Check the host name in the list, or the DNS records for it."),
    CONNECT_REFUSED(
            Area.REACHABILITY,
            Severity.HIGH,
            "Connection refused",
            "Nothing listens on this port: check the port in the list, the service and its firewall."),
    CONNECT_TIMEOUT(
            Area.REACHABILITY,
            Severity.HIGH,
            "Connection timed out",
            "The TCP connection was not accepted in time: check routing, firewalls and whether the host is up."),
    HANDSHAKE_TIMEOUT(
            Area.REACHABILITY,
            Severity.HIGH,
            "TLS handshake timed out",
            "The server accepted the connection but did not complete a TLS handshake in time: check the TLS "
                    + "service, its load and any proxy in front of it."),
    NOT_TLS(
            Area.REACHABILITY,
            Severity.HIGH,
            "Port does not speak TLS",
            "The port answered with something other than TLS: check the port number or the service "
                    + "configuration (plain HTTP on a TLS port is common)."),
    HANDSHAKE_FAILED(
            Area.REACHABILITY,
            Severity.HIGH,
            "TLS handshake failed",
            "The server rejected every handshake: check its protocol versions and cipher suites "
                    + "(TLS 1.2 or 1.3 with modern suites is expected)."),

    // --- certificate ---
    CERT_EXPIRED(
            Area.CERTIFICATE,
            Severity.CRITICAL,
            "Certificate expired",
            "Renew the certificate and reload the server; automate renewal (ACME) where possible.",
            CertExpiredCheck::new),
    CERT_NOT_YET_VALID(
            Area.CERTIFICATE,
            Severity.HIGH,
            "Certificate not yet valid",
            "The certificate's notBefore is in the future: check the server clock or install the current certificate.",
            CertNotYetValidCheck::new),
    CERT_EXPIRING_SOON(
            Area.CERTIFICATE,
            Severity.MEDIUM,
            "Certificate expires soon",
            "Renew the certificate before it expires.",
            CertExpiringSoonCheck::new,
            Threshold.CERT_EXPIRY_WARNING),
    CERT_HOSTNAME_MISMATCH(
            Area.CERTIFICATE,
            Severity.HIGH,
            "Certificate does not match the name",
            "Install a certificate whose subjectAltName covers this name, or fix the SNI/host in the list.",
            CertHostnameMismatchCheck::new),
    CERT_UNTRUSTED(
            Area.CERTIFICATE,
            Severity.HIGH,
            "Certificate chain not trusted",
            "The chain does not lead to a trusted root: install a certificate from a trusted CA, or pass the "
                    + "private CA's bundle with --trust.",
            CertUntrustedCheck::new),
    CERT_CHAIN_INCOMPLETE(
            Area.CERTIFICATE,
            Severity.MEDIUM,
            "Intermediate certificate missing",
            "Configure the server to send the full chain (leaf and intermediates), e.g. nginx ssl_certificate "
                    + "with the fullchain file.",
            CertChainIncompleteCheck::new),
    CERT_SELF_SIGNED(
            Area.CERTIFICATE,
            Severity.HIGH,
            "Self-signed certificate",
            "Replace the self-signed certificate with one issued by a trusted CA.",
            CertSelfSignedCheck::new),
    CERT_REVOKED(
            Area.CERTIFICATE,
            Severity.CRITICAL,
            "Certificate revoked",
            "The CA reports this certificate revoked: issue and install a new certificate now.",
            CertRevokedCheck::new),

    // --- stapling support ---
    STAPLE_MISSING(
            Area.STAPLING,
            Severity.HIGH,
            "No OCSP staple",
            "Enable OCSP stapling (nginx: ssl_stapling on + ssl_stapling_verify on; Apache: SSLUseStapling on; "
                    + "HAProxy: ocsp-update on; IIS: on by default when the responder is reachable).",
            StapleMissingCheck::new),
    MUST_STAPLE_VIOLATION(
            Area.STAPLING,
            Severity.CRITICAL,
            "Must-Staple certificate served without a staple",
            "The certificate demands a staple (RFC 7633) and strict clients will refuse the connection: "
                    + "enable stapling and make sure the server can reach the OCSP responder.",
            MustStapleViolationCheck::new),
    STAPLE_INTERMITTENT(
            Area.STAPLING,
            Severity.HIGH,
            "Staple present on some handshakes only",
            "The server staples only sometimes (cold cache after restart, or per-worker caches): prefetch the "
                    + "response (HAProxy ocsp-update, nginx ssl_stapling_file) or warm the cache on start.",
            StapleIntermittentCheck::new),
    STAPLE_PROTOCOL_GAP(
            Area.STAPLING,
            Severity.MEDIUM,
            "Staple under one TLS version only",
            "The server staples under one TLS version but not the other: update the TLS library or server, "
                    + "and enable stapling for every version it offers.",
            StapleProtocolGapCheck::new),
    STAPLE_INCONSISTENT(
            Area.STAPLING,
            Severity.HIGH,
            "Addresses or backends disagree",
            "Different addresses or backends present different certificates or staples: make every backend "
                    + "serve the same certificate with stapling enabled.",
            StapleInconsistentCheck::new),
    OCSP_NOT_OFFERED(
            Area.STAPLING,
            Severity.INFO,
            "Certificate has no OCSP URL",
            "The issuing CA offers no OCSP responder (CRL only), so there is nothing to staple; no action "
                    + "unless your policy requires OCSP.",
            OcspNotOfferedCheck::new),

    // --- staple validity ---
    STAPLE_MALFORMED(
            Area.STAPLE_VALIDITY,
            Severity.HIGH,
            "Staple cannot be parsed",
            "The server stapled bytes that are not an OCSP response: check the staple file or cache it serves "
                    + "(e.g. nginx ssl_stapling_file) and let it fetch a fresh response.",
            StapleMalformedCheck::new,
            Effect.INVALIDATES_STAPLE),
    STAPLE_RESPONSE_STATUS(
            Area.STAPLE_VALIDITY,
            Severity.HIGH,
            "Stapled response is an error",
            "The responder answered with an error status (e.g. tryLater) and the server stapled it: fix the "
                    + "server's responder access and have it staple only successful responses.",
            StapleResponseStatusCheck::new,
            Effect.INVALIDATES_STAPLE),
    STAPLE_SIGNATURE_INVALID(
            Area.STAPLE_VALIDITY,
            Severity.CRITICAL,
            "Staple signature invalid",
            "The staple's signature does not verify: the server serves a corrupted or forged response; clear "
                    + "its OCSP cache and fetch a fresh response.",
            StapleSignatureInvalidCheck::new,
            Effect.INVALIDATES_STAPLE),
    STAPLE_UNAUTHORIZED_SIGNER(
            Area.STAPLE_VALIDITY,
            Severity.CRITICAL,
            "Staple signed by an unauthorized responder",
            "The staple is signed by a certificate that is neither the issuer nor a delegated responder with "
                    + "the OCSP-signing EKU: check the responder the server queries.",
            StapleUnauthorizedSignerCheck::new,
            Effect.INVALIDATES_STAPLE),
    STAPLE_WRONG_CERT(
            Area.STAPLE_VALIDITY,
            Severity.HIGH,
            "Staple is for another certificate",
            "The staple's CertID does not match the served certificate (often after a renewal): reload the "
                    + "server so it fetches a response for the current certificate.",
            StapleWrongCertCheck::new,
            Effect.INVALIDATES_STAPLE),
    STAPLE_STATUS_REVOKED(
            Area.STAPLE_VALIDITY,
            Severity.CRITICAL,
            "Staple says the certificate is revoked",
            "The certificate is revoked: replace it immediately.",
            StapleStatusRevokedCheck::new,
            Effect.INVALIDATES_STAPLE),
    STAPLE_STATUS_UNKNOWN(
            Area.STAPLE_VALIDITY,
            Severity.HIGH,
            "Staple says status unknown",
            "The responder does not know this certificate: check the OCSP URL in the certificate and the issuer.",
            StapleStatusUnknownCheck::new,
            Effect.INVALIDATES_STAPLE),
    STAPLE_EXPIRED(
            Area.STAPLE_VALIDITY,
            Severity.HIGH,
            "Staple expired",
            "The staple's nextUpdate has passed: the server stopped refreshing it; check its access to the "
                    + "responder and its stapling cache.",
            StapleExpiredCheck::new,
            Effect.INVALIDATES_STAPLE),
    STAPLE_NOT_YET_VALID(
            Area.STAPLE_VALIDITY,
            Severity.HIGH,
            "Staple not yet valid",
            "The staple's thisUpdate is in the future: check the responder's and the server's clocks.",
            StapleNotYetValidCheck::new,
            Effect.INVALIDATES_STAPLE),
    STAPLE_NO_NEXT_UPDATE(
            Area.STAPLE_VALIDITY,
            Severity.MEDIUM,
            "Staple has no nextUpdate",
            "A response without nextUpdate has no defined lifetime; clients may reject it. Ask the CA.",
            StapleNoNextUpdateCheck::new),
    STAPLE_EXPIRING_SOON(
            Area.STAPLE_VALIDITY,
            Severity.LOW,
            "Staple expires soon",
            "The staple is close to its nextUpdate: make sure the server refreshes it ahead of time.",
            StapleExpiringSoonCheck::new,
            Threshold.STAPLE_EXPIRY_WARNING),
    STAPLE_STALE(
            Area.STAPLE_VALIDITY,
            Severity.MEDIUM,
            "Staple is stale",
            "The staple's thisUpdate is older than the policy allows: the server is not refreshing it.",
            StapleStaleCheck::new,
            Threshold.STAPLE_MAX_AGE),

    // --- responder ---
    OCSP_RESPONDER_UNREACHABLE(
            Area.RESPONDER,
            Severity.MEDIUM,
            "OCSP responder unreachable",
            "The responder named in the certificate did not answer: servers cannot refresh staples either.",
            OcspResponderUnreachableCheck::new),
    OCSP_RESPONDER_DISAGREES(
            Area.RESPONDER,
            Severity.HIGH,
            "Responder disagrees with the staple",
            "The responder's live answer differs from the staple: the server serves an outdated response.",
            OcspResponderDisagreesCheck::new),
    OCSP_RESPONDER_SLOW(
            Area.RESPONDER,
            Severity.LOW,
            "OCSP responder slow",
            "The responder answered slowly: servers may fail to refresh staples in time.",
            OcspResponderSlowCheck::new,
            Threshold.RESPONDER_SLOW),
    OCSP_RESPONDER_BLOCKED(
            Area.RESPONDER,
            Severity.INFO,
            "OCSP responder blocked by policy",
            "The certificate's responder URL names an address staplescan never asks (link-local, cloud "
                    + "metadata, unspecified, multicast) or one your --responder-allow/--responder-deny rules "
                    + "exclude. No server change; if the responder is legitimate, allow it.",
            OcspResponderBlockedCheck::new);

    /** Groups of codes, for reports. */
    public enum Area {
        /** Decided by {@link Reachability} from the scan's outcome, not by a {@link Check}. */
        REACHABILITY("reachability"),
        CERTIFICATE("certificate"),
        STAPLING("stapling support"),
        STAPLE_VALIDITY("staple validity"),
        RESPONDER("responder");

        private final String label;

        Area(String label) {
            this.label = label;
        }

        /** How reports and the README name the area, e.g. {@code stapling support}. */
        public String label() {
            return label;
        }
    }

    /** Something more a catalogue entry says about its code: an {@link Effect} or its {@link Threshold}. */
    public sealed interface Trait permits Effect, Threshold {}

    /** What a finding says about the staple the endpoint serves, beyond its own severity. */
    public enum Effect implements Trait {
        /** A staple with this finding is unusable: clients must not rely on it (see {@link #invalidatesStaple()}). */
        INVALIDATES_STAPLE
    }

    private final Area area;
    private final Severity defaultSeverity;
    private final String title;
    private final String remediation;
    // Both immutable in fact: a constructor reference of a stateless check, and a List.copyOf.
    @SuppressWarnings("ImmutableEnumChecker")
    private final Supplier<Check> check;

    @SuppressWarnings("ImmutableEnumChecker")
    private final List<Trait> traits;

    /** A code decided outside the checks (reachability: one mapping in {@link Reachability}). */
    FindingCode(Area area, Severity defaultSeverity, String title, String remediation) {
        this(area, defaultSeverity, title, remediation, null);
    }

    /** A code produced by its own check, with what else there is to say about it. */
    FindingCode(
            Area area,
            Severity defaultSeverity,
            String title,
            String remediation,
            Supplier<Check> check,
            Trait... traits) {
        this.area = area;
        this.defaultSeverity = defaultSeverity;
        this.title = title;
        this.remediation = remediation;
        // A supplier, not an instance: the check classes refer back to this enum, and are only
        // instantiated once, by Checks, after the catalogue exists.
        this.check = check;
        this.traits = List.of(traits);
    }

    public Area area() {
        return area;
    }

    public Severity defaultSeverity() {
        return defaultSeverity;
    }

    /** A short human title, e.g. "No OCSP staple". */
    public String title() {
        return title;
    }

    /** What to do about it, naming common servers where it helps. */
    public String remediation() {
        return remediation;
    }

    /**
     * A new instance of the one check that produces this code; empty for the codes decided
     * elsewhere (area {@link Area#REACHABILITY}). {@link Checks#all()} holds the shared instances.
     */
    Optional<Check> newCheck() {
        return Optional.ofNullable(check).map(Supplier::get);
    }

    /**
     * Whether this finding makes the endpoint's staple unusable (it does not parse, is not
     * successful, is not signed by an authorised signer, is for another certificate, says revoked or
     * unknown, or is outside its validity). An endpoint has a valid staple when its staple says
     * {@code good} and none of its findings invalidates it: {@link Assessment#validStaple()}.
     */
    public boolean invalidatesStaple() {
        return traits.contains(Effect.INVALIDATES_STAPLE);
    }

    /** The policy threshold that decides when this code fires; empty when none does. */
    public Optional<Threshold> threshold() {
        return traits.stream()
                .filter(Threshold.class::isInstance)
                .map(Threshold.class::cast)
                .findFirst();
    }
}
