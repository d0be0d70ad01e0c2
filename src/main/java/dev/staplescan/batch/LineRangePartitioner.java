package dev.staplescan.batch;

import dev.staplescan.store.TargetStore;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Splits a run's targets into contiguous line ranges {@code (from, to]}, one per partition. Line
 * numbers are dense (only rejected and duplicate lines leave gaps), so equal ranges are close to equal
 * work. Each partition's reader pages through its own range.
 */
public final class LineRangePartitioner implements Partitioner {

    static final String FROM = "fromLine";
    static final String TO = "toLine";
    /** The range of a worker step, in its step-scoped beans: {@code @Value(FROM_VALUE) long from}. */
    static final String FROM_VALUE = "#{stepExecutionContext['" + FROM + "']}";

    static final String TO_VALUE = "#{stepExecutionContext['" + TO + "']}";

    private final TargetStore targets;
    private final long runId;

    public LineRangePartitioner(TargetStore targets, long runId) {
        this.targets = targets;
        this.runId = runId;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        Map<String, ExecutionContext> parts = new LinkedHashMap<>();
        long[] range = targets.lineRange(runId);
        if (range == null) {
            return parts;
        }
        long from = range[0] - 1;
        long span = range[1] - from;
        int n = (int) Math.max(1, Math.min(gridSize, span));
        for (int i = 0; i < n; i++) {
            long lo = from + span * i / n;
            long hi = from + span * (i + 1) / n;
            ExecutionContext ctx = new ExecutionContext();
            ctx.putLong(FROM, lo);
            ctx.putLong(TO, hi);
            parts.put(String.format("partition%03d", i), ctx);
        }
        return parts;
    }
}
