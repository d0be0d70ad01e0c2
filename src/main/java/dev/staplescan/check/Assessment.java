package dev.staplescan.check;

import java.util.List;

/**
 * The judgement of one observation under a policy.
 *
 * @param verdict  the endpoint's verdict
 * @param findings every finding, most severe first
 * @param facts    summary facts for reports and CSV columns
 */
public record Assessment(Verdict verdict, List<Finding> findings, EndpointFacts facts) {

    public Assessment {
        findings = List.copyOf(findings);
    }

    /**
     * Whether the endpoint served a valid staple: its staple says {@code good} and no finding
     * {@linkplain FindingCode#invalidatesStaple() invalidates} it. The one definition of a valid
     * staple; the database counts valid staples with SQL built from the same catalogue entries.
     */
    public boolean validStaple() {
        return EndpointFacts.GOOD.equals(facts.ocspStatus())
                && findings.stream().noneMatch(f -> f.code().invalidatesStaple());
    }
}
