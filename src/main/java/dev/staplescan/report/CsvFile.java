package dev.staplescan.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * One CSV file being written: RFC 4180 (CRLF, quotes where needed), UTF-8, header row first,
 * optionally a byte order mark. Rows go to a temporary file beside the target; {@link #commit()}
 * moves it into place, so a script watching the directory never reads half a file. Closing without
 * committing removes the temporary file.
 */
final class CsvFile implements AutoCloseable {

    private static final char BOM = '\uFEFF';

    private final Path target;
    private final Path tmp;
    private final CSVPrinter printer;
    private boolean closed;

    CsvFile(Path target, List<String> header, boolean withBom) throws IOException {
        this.target = target;
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        this.tmp = ReportFiles.siblingTemp(target);
        Writer out = new BufferedWriter(Files.newBufferedWriter(tmp, StandardCharsets.UTF_8), 1 << 16);
        try {
            if (withBom) {
                out.write(BOM);
            }
            this.printer = new CSVPrinter(
                    out,
                    CSVFormat.RFC4180
                            .builder()
                            .setHeader(header.toArray(String[]::new))
                            .get());
        } catch (IOException e) {
            out.close();
            Files.deleteIfExists(tmp);
            throw e;
        }
    }

    /**
     * Writes one row. Unchecked because rows are written from inside {@link RunData}'s callbacks;
     * the exporter unwraps the {@link UncheckedIOException}.
     */
    void print(List<Object> cells) {
        try {
            printer.printRecord(cells);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Finishes the file and moves it to its name. */
    void commit() throws IOException {
        closePrinter();
        try {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            // some file systems (network mounts) cannot rename atomically; a plain move is the best left
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public void close() throws IOException {
        closePrinter();
        Files.deleteIfExists(tmp);
    }

    private void closePrinter() throws IOException {
        if (!closed) {
            closed = true;
            printer.close();
        }
    }
}
