package dev.staplescan.check;

import java.util.Objects;

/**
 * One thing wrong (or worth knowing) about an endpoint.
 *
 * @param code     the stable code from the catalogue
 * @param severity the severity under the policy in force (may differ from the code's default)
 * @param message  one line with the evidence, e.g. the dates or the serial numbers involved
 * @param control  the compliance control the policy in force maps the code to, {@code ""} when none
 */
public record Finding(FindingCode code, Severity severity, String message, String control) {

    public Finding {
        Objects.requireNonNull(control, "control (use \"\" for none)");
    }

    /** A finding whose code is mapped to no control. */
    public Finding(FindingCode code, Severity severity, String message) {
        this(code, severity, message, "");
    }

    /** A finding with the severity and control the policy gives its code. */
    public static Finding of(FindingCode code, Policy policy, String message) {
        return new Finding(code, policy.severityOf(code), message, policy.controlOf(code));
    }
}
