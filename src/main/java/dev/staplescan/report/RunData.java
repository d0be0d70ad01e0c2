package dev.staplescan.report;

import dev.staplescan.input.Rejection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What the report renderers read about one run. Endpoint and rejection rows are streamed (a run
 * may hold a million endpoints), never returned as a whole list; everything else is an aggregate or
 * a list capped by the caller, so the PDF stays bounded in memory whatever the run's size.
 */
public interface RunData {

    /** Run facts and headline figures. */
    RunSummary summary();

    /** The scan settings the run was made with (handshakes, timeouts, trust), for the methodology page. */
    RunSettings settings();

    /** Every assessed endpoint, in host-list order. */
    void forEachEndpoint(Consumer<EndpointRow> action);

    /**
     * Endpoints whose verdict is FAIL or ERROR, at most {@code limit}, chosen fairly across owners
     * (each owner's most severe first, then the next of each owner, ...), ordered by owner, then
     * most severe first.
     */
    void forEachFailing(int limit, Consumer<EndpointRow> action);

    /** Every rejected host-list line, in line order. */
    void forEachRejection(Consumer<Rejection> action);

    /**
     * Groups of endpoints with their figures, the largest groups first (ties by owner, then environment);
     * at most {@code limit}.
     */
    void forEachGroup(GroupBy by, int limit, Consumer<GroupFigures> action);

    /** How many groups {@link #forEachGroup} has in all. */
    long groupCount(GroupBy by);

    /** Every finding code that occurs in the run, with its counts; at most one entry per catalogue code. */
    List<CodeCount> codeCounts();

    /** The newest earlier COMPLETED run of the same host list ({@code ss_run.input}); empty when there is none. */
    Optional<RunSummary> previous();

    /** How many endpoints changed, per kind; every kind present (0 when none); empty when there is no previous run. */
    Map<ChangeKind, Long> changeCounts();

    /**
     * The endpoints with one kind of change since {@link #previous()}, ordered by owner, host, port and
     * sni; at most {@code limit}. None when there is no previous run.
     */
    void forEachChange(ChangeKind kind, int limit, Consumer<EndpointChange> action);
}
