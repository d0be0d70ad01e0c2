package dev.staplescan.report;

import dev.staplescan.check.FindingCode;
import dev.staplescan.check.Severity;

/**
 * How often one finding code occurs in a run.
 *
 * @param code          the code
 * @param endpoints     endpoints with at least one finding of this code
 * @param findings      findings of this code (an endpoint may have several, e.g. one per address)
 * @param worstSeverity the most severe grade given to it in the run (a policy may grade it per endpoint)
 */
public record CodeCount(FindingCode code, long endpoints, long findings, Severity worstSeverity) {}
