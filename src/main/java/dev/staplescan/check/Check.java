package dev.staplescan.check;

import java.util.function.Consumer;

/**
 * One rule that produces one finding code (STYLE.md habit 2). A check is pure: it reads the
 * evidence and the policy's thresholds and reports zero or more one-line messages with the
 * evidence in them. It does not build {@link Finding}s itself, so it cannot report another code
 * or pick its own severity: its code's {@link FindingCode} entry names it, and the {@link Assessor}
 * adds that code and the policy's severity.
 * Implementations must be stateless and thread-safe. Checks run only for endpoints where at
 * least one handshake reached the server.
 */
public interface Check {

    /**
     * Reports this check's finding, if the evidence shows it.
     *
     * @param evidence what was observed and derived
     * @param policy   thresholds to apply
     * @param report   receives one message per finding (usually zero or one per endpoint)
     */
    void evaluate(Evidence evidence, Policy policy, Consumer<String> report);
}
