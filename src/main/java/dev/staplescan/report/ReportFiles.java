package dev.staplescan.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/** File handling shared by the report writers. */
final class ReportFiles {

    private ReportFiles() {}

    /**
     * A new hidden temporary file beside {@code target}, to be moved onto it when complete. Unlike
     * {@link Files#createTempFile}, which makes owner-only files, this one gets the usual permissions
     * of the user's umask: reports are meant to be shared with the people who read them.
     */
    static Path siblingTemp(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        String name = "." + target.getFileName() + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp";
        return Files.createFile(dir.resolve(name));
    }
}
