package dev.staplescan.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

/**
 * Streams a host list as {@link HostListItem}s: one per meaningful line, blank lines and comments
 * skipped. Restartable: Spring Batch saves how many items were read and, after a crash, the reader
 * skips that many again. Memory stays flat whatever the list's length.
 */
public class HostListReader extends AbstractItemCountingItemStreamItemReader<HostListItem> {

    /** Longest line content kept in a rejection, so reports stay readable. */
    static final int MAX_CONTENT = 300;

    private final Path file;
    private LineSource lines;
    private HostListParser parser;

    @SuppressWarnings("this-escape") // setName only stores the name; subclasses are Spring's scope proxies
    public HostListReader(Path file) {
        this.file = file;
        setName("hostList");
    }

    @Override
    protected void doOpen() throws IOException {
        InputStream in = Files.newInputStream(file);
        lines = new LineSource(in);
        parser = null;
    }

    @Override
    protected HostListItem doRead() throws IOException {
        LineSource.Line line;
        while ((line = lines.next()) != null) {
            String content = shorten(line.text());
            if (!line.decodable()) {
                return new Rejection(line.number(), content, "line is not valid UTF-8 text");
            }
            if (line.truncated()) {
                return new Rejection(
                        line.number(),
                        content,
                        "line longer than " + LineSource.MAX_LINE_BYTES + " bytes (is this a host list?)");
            }
            if (HostListParser.isSkippable(line.text())) {
                continue;
            }
            if (parser == null) {
                parser = HostListParser.forFirstLine(line.text());
                if (parser.isCsv()) {
                    continue; // the header line
                }
            }
            HostListItem item = parser.parse(line.number(), line.text());
            return item instanceof Rejection r ? new Rejection(r.line(), shorten(r.content()), r.reason()) : item;
        }
        return null;
    }

    private static String shorten(String s) {
        return s.length() > MAX_CONTENT ? s.substring(0, MAX_CONTENT) + "..." : s;
    }

    @Override
    protected void doClose() throws IOException {
        if (lines != null) {
            lines.close();
            lines = null;
        }
    }
}
