package dev.staplescan.report;

import dev.staplescan.input.Rejection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** A {@link RunData} that answers everything from another one: tests override the one call they break. */
class DelegatingRunData implements RunData {

    private final RunData delegate;

    DelegatingRunData(RunData delegate) {
        this.delegate = delegate;
    }

    @Override
    public RunSummary summary() {
        return delegate.summary();
    }

    @Override
    public RunSettings settings() {
        return delegate.settings();
    }

    @Override
    public void forEachEndpoint(Consumer<EndpointRow> action) {
        delegate.forEachEndpoint(action);
    }

    @Override
    public void forEachFailing(int limit, Consumer<EndpointRow> action) {
        delegate.forEachFailing(limit, action);
    }

    @Override
    public void forEachRejection(Consumer<Rejection> action) {
        delegate.forEachRejection(action);
    }

    @Override
    public void forEachGroup(GroupBy by, int limit, Consumer<GroupFigures> action) {
        delegate.forEachGroup(by, limit, action);
    }

    @Override
    public long groupCount(GroupBy by) {
        return delegate.groupCount(by);
    }

    @Override
    public List<CodeCount> codeCounts() {
        return delegate.codeCounts();
    }

    @Override
    public Optional<RunSummary> previous() {
        return delegate.previous();
    }

    @Override
    public Map<ChangeKind, Long> changeCounts() {
        return delegate.changeCounts();
    }

    @Override
    public void forEachChange(ChangeKind kind, int limit, Consumer<EndpointChange> action) {
        delegate.forEachChange(kind, limit, action);
    }
}
