package dev.staplescan.batch;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.springframework.batch.infrastructure.item.ItemReader;

/**
 * Pages through a partition's line range {@code (fromLine, toLine]}: the scan worker's unscanned targets
 * and the assessment worker's unassessed observations. The query names only rows still to do, so a
 * restarted partition continues where it stopped without saved state.
 *
 * <p>Each query covers a window of {@code page} line numbers, never "everything after the cursor":
 * with an open range the database sorts the whole rest of the partition for every page (quadratic).
 * Lines are dense (only rejected and duplicate lines leave gaps), so pages stay nearly full. Each query
 * borrows a database connection briefly; none is held between pages.
 *
 * @param <T> the rows read
 */
// Not final: Spring Batch's step scope proxies it by subclassing.
public class LinePager<T> implements ItemReader<T> {

    /** One page: the rows with a line number in {@code (fromLine, toLine]}, at most {@code limit}. */
    @FunctionalInterface
    public interface Query<T> {
        List<T> rows(long fromLine, long toLine, int limit);
    }

    private final Query<T> query;
    private final long toLine;
    private final int page;
    private final Deque<T> buffer = new ArrayDeque<>();
    private long cursor;
    private boolean exhausted;

    public LinePager(long fromLine, long toLine, int page, Query<T> query) {
        this.query = query;
        this.cursor = fromLine;
        this.toLine = toLine;
        this.page = page;
    }

    /** The next row, or {@code null} when the range is done. */
    @Override
    public T read() {
        while (buffer.isEmpty() && !exhausted) {
            long upper = Math.min(toLine, cursor + page);
            buffer.addAll(query.rows(cursor, upper, page));
            cursor = upper;
            exhausted = cursor >= toLine;
        }
        return buffer.poll();
    }
}
