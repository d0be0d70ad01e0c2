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
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A large run made up on the fly, never held as a list: {@code count} endpoints that all fail with
 * one finding, spread over ten owners, and a previous run of the same list in which every fifth
 * endpoint still passed. Every answer is computed, as a database would aggregate it. Records what a
 * renderer asked for: the largest limit of each capped call, how many rows it was given in all, and
 * whether it streamed every endpoint.
 */
final class ManyFailuresRun implements RunData {

    private static final int OWNERS = 10;

    private final int count;
    int largestLimitAsked;
    int largestChangeLimitAsked;
    int largestGroupLimitAsked;
    long rowsGiven;
    boolean streamedEveryEndpoint;

    ManyFailuresRun(int count) {
        this.count = count;
    }

    private String owner(int i) {
        return "team-" + (i * (long) OWNERS / count);
    }

    private Target target(int i) {
        return new Target(i + 2, "host-" + i + ".example.com", 443, "host-" + i + ".example.com", owner(i), "prod", "");
    }

    private EndpointRow endpoint(int i) {
        rowsGiven++;
        return new EndpointRow(
                target(i),
                RunFixture.SCANNED,
                "192.0.2.1",
                Verdict.FAIL,
                List.of(new Finding(FindingCode.STAPLE_MISSING, Severity.HIGH, "no staple on 4 of 4 handshakes")),
                EndpointFacts.unknown());
    }

    @Override
    public RunSummary summary() {
        return summary(7, count);
    }

    private static RunSummary summary(long runId, long failing) {
        Map<Verdict, Long> verdicts = new EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) {
            verdicts.put(v, v == Verdict.FAIL ? failing : 0L);
        }
        Map<Severity, Long> severities = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            severities.put(s, s == Severity.HIGH ? failing : 0L);
        }
        return new RunSummary(
                runId,
                "big.txt",
                "default",
                "0.1.0",
                RunFixture.STARTED,
                RunFixture.STARTED.plusSeconds(3723),
                RunStatus.COMPLETED,
                failing,
                failing,
                0,
                0,
                verdicts,
                severities,
                0,
                0);
    }

    @Override
    public RunSettings settings() {
        return RunSettings.parse("partitions=4 concurrency=256 connectTimeout=PT5S handshakeTimeout=PT10S "
                + "endpointTimeout=PT30S handshakes=1 trust=-");
    }

    @Override
    public void forEachEndpoint(Consumer<EndpointRow> action) {
        streamedEveryEndpoint = true;
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

    @Override
    public void forEachGroup(GroupBy by, int limit, Consumer<GroupFigures> action) {
        largestGroupLimitAsked = Math.max(largestGroupLimitAsked, limit);
        int groups = by == GroupBy.ENVIRONMENT ? 1 : OWNERS;
        for (int g = 0; g < Math.min(limit, groups); g++) {
            long n = by == GroupBy.ENVIRONMENT ? count : count / OWNERS;
            rowsGiven++;
            action.accept(new GroupFigures(
                    by == GroupBy.ENVIRONMENT ? null : "team-" + g,
                    by == GroupBy.OWNER ? null : "prod",
                    n,
                    0,
                    0,
                    n,
                    0,
                    0,
                    0));
        }
    }

    @Override
    public long groupCount(GroupBy by) {
        return by == GroupBy.ENVIRONMENT ? 1 : OWNERS;
    }

    @Override
    public List<CodeCount> codeCounts() {
        return List.of(new CodeCount(FindingCode.STAPLE_MISSING, count, count, Severity.HIGH));
    }

    @Override
    public Optional<RunSummary> previous() {
        return Optional.of(summary(6, count - count / 5));
    }

    /** Every fifth endpoint passed in the previous run: newly failing; the rest still fail. */
    private boolean passedBefore(int i) {
        return i % 5 == 0;
    }

    @Override
    public Map<ChangeKind, Long> changeCounts() {
        Map<ChangeKind, Long> counts = new EnumMap<>(ChangeKind.class);
        for (ChangeKind k : ChangeKind.values()) {
            counts.put(k, 0L);
        }
        long newly = (count + 4L) / 5;
        counts.put(ChangeKind.NEWLY_FAILING, newly);
        counts.put(ChangeKind.STILL_FAILING, count - newly);
        return counts;
    }

    @Override
    public void forEachChange(ChangeKind kind, int limit, Consumer<EndpointChange> action) {
        largestChangeLimitAsked = Math.max(largestChangeLimitAsked, limit);
        if (kind != ChangeKind.NEWLY_FAILING && kind != ChangeKind.STILL_FAILING) {
            return;
        }
        int given = 0;
        for (int i = 0; i < count && given < limit; i++) {
            if (passedBefore(i) == (kind == ChangeKind.NEWLY_FAILING)) {
                Target t = target(i);
                given++;
                rowsGiven++;
                action.accept(EndpointChange.of(
                        kind,
                        t,
                        passedBefore(i) ? Verdict.PASS : Verdict.FAIL,
                        Verdict.FAIL,
                        passedBefore(i) ? "" : "STAPLE_MISSING",
                        "STAPLE_MISSING"));
            }
        }
    }
}
