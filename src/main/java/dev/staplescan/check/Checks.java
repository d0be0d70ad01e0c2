package dev.staplescan.check;

import dev.staplescan.check.certificate.CertChainIncompleteCheck;
import dev.staplescan.check.certificate.CertExpiredCheck;
import dev.staplescan.check.certificate.CertExpiringSoonCheck;
import dev.staplescan.check.certificate.CertHostnameMismatchCheck;
import dev.staplescan.check.certificate.CertNotYetValidCheck;
import dev.staplescan.check.certificate.CertRevokedCheck;
import dev.staplescan.check.certificate.CertSelfSignedCheck;
import dev.staplescan.check.certificate.CertUntrustedCheck;
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

/**
 * The registry of checks: the one place a new check is added (one line below).
 *
 * <p>Why a list in code rather than {@link java.util.ServiceLoader}: both need exactly one line per
 * check, but a line here is compile-checked (a typo in a {@code META-INF/services} file fails only at
 * run time, and a forgotten line fails silently), survives jar shading and native images without
 * configuration, and runs in a fixed order. {@code ChecksTest} fails when a catalogue code has no
 * check here (apart from the codes handled elsewhere), so a forgotten registration is caught by the
 * build. Reachability codes are not checks: {@link Reachability} decides them in one mapping.
 */
public final class Checks {

    private static final List<Check> ALL = List.of(
            // certificate
            new CertExpiredCheck(),
            new CertNotYetValidCheck(),
            new CertExpiringSoonCheck(),
            new CertHostnameMismatchCheck(),
            new CertUntrustedCheck(),
            new CertSelfSignedCheck(),
            new CertChainIncompleteCheck(),
            new CertRevokedCheck(),
            // stapling support
            new StapleMissingCheck(),
            new MustStapleViolationCheck(),
            new OcspNotOfferedCheck(),
            new StapleIntermittentCheck(),
            new StapleProtocolGapCheck(),
            new StapleInconsistentCheck(),
            // staple validity
            new StapleMalformedCheck(),
            new StapleResponseStatusCheck(),
            new StapleSignatureInvalidCheck(),
            new StapleUnauthorizedSignerCheck(),
            new StapleWrongCertCheck(),
            new StapleStatusRevokedCheck(),
            new StapleStatusUnknownCheck(),
            new StapleExpiredCheck(),
            new StapleNotYetValidCheck(),
            new StapleNoNextUpdateCheck(),
            new StapleExpiringSoonCheck(),
            new StapleStaleCheck(),
            // responder (live query)
            new OcspResponderUnreachableCheck(),
            new OcspResponderDisagreesCheck(),
            new OcspResponderSlowCheck());

    private Checks() {}

    /** Every check, stateless and shareable across threads. */
    public static List<Check> all() {
        return ALL;
    }
}
