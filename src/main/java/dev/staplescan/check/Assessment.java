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
}
