package dev.staplescan.report;

import dev.staplescan.check.EndpointFacts;
import dev.staplescan.check.Finding;
import dev.staplescan.check.FindingCode;
import dev.staplescan.check.Severity;
import dev.staplescan.check.Verdict;
import dev.staplescan.input.Rejection;
import dev.staplescan.input.Target;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A large run made up on the fly, never held as a list: {@code count} endpoints that all fail with
 * one finding, spread over ten owners. Records the largest limit a renderer asked for.
 */
final class ManyFailuresRun implements RunData {

    private final int count;
    int largestLimitAsked;

    ManyFailuresRun(int count) {
        this.count = count;
    }

    private EndpointRow endpoint(int i) {
        String owner = "team-" + (i * 10L / count);
        return new EndpointRow(new Target(i + 2, "host-" + i + ".example.com", 443, "host-" + i + ".example.com",
                owner, "prod", ""), RunFixture.SCANNED, "192.0.2.1", Verdict.FAIL,
                List.of(new Finding(FindingCode.STAPLE_MISSING, Severity.HIGH, "no staple on 4 of 4 handshakes")),
                EndpointFacts.unknown());
    }

    @Override
    public RunSummary summary() {
        Map<Verdict, Long> verdicts = new EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) {
            verdicts.put(v, v == Verdict.FAIL ? (long) count : 0L);
        }
        Map<Severity, Long> severities = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            severities.put(s, s == Severity.HIGH ? (long) count : 0L);
        }
        return new RunSummary(7, "big.txt", "default", "0.1.0", RunFixture.STARTED, RunFixture.STARTED.plusSeconds(3723),
                "COMPLETED", count, count, 0, 0, verdicts, severities, 0, 0);
    }

    @Override
    public void forEachEndpoint(Consumer<EndpointRow> action) {
        for (int i = 0; i < count; i++) {
            action.accept(endpoint(i));
        }
    }

    @Override
    public void forEachFailing(int limit, Consumer<EndpointRow> action) {
        largestLimitAsked = Math.max(largestLimitAsked, limit);
        for (int i = 0; i < Math.min(limit, count); i++) {
            action.accept(endpoint(i));
        }
    }

    @Override
    public void forEachRejection(Consumer<Rejection> action) {
        // none
    }

}
