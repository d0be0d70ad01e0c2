package dev.staplescan.report;

import dev.staplescan.input.Rejection;
import java.util.function.Consumer;

/**
 * What the report renderers read about one run. Endpoint and rejection rows are streamed (a run
 * may hold a million endpoints), never returned as a whole list.
 */
public interface RunData {

    /** Run facts and headline figures. */
    RunSummary summary();

    /** Every assessed endpoint, in host-list order. */
    void forEachEndpoint(Consumer<EndpointRow> action);

    /** Endpoints whose verdict is FAIL or ERROR, ordered by owner then host-list order; at most {@code limit}. */
    void forEachFailing(int limit, Consumer<EndpointRow> action);

    /** Every rejected host-list line, in line order. */
    void forEachRejection(Consumer<Rejection> action);
}
