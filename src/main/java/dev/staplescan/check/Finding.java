package dev.staplescan.check;

/**
 * One thing wrong (or worth knowing) about an endpoint.
 *
 * @param code     the stable code from the catalogue
 * @param severity the severity under the policy in force (may differ from the code's default)
 * @param message  one line with the evidence, e.g. the dates or the serial numbers involved
 */
public record Finding(FindingCode code, Severity severity, String message) {
}
