package dev.staplescan.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the external programs of the real-server benchmark (openssl, xargs, nginx -t) as child
 * processes, each with its output (stdout and stderr together) kept in a numbered log file under
 * the work directory, so a surprising figure can be traced to what the program printed.
 */
final class Commands {

    /**
     * How a command ended.
     *
     * @param exitCode     its exit code; -1 when it was killed at its deadline
     * @param output       what it printed (stdout and stderr, interleaved)
     * @param elapsedNanos from just before the process was started to its exit, measured here
     * @param log          the file holding the output
     */
    record Result(int exitCode, String output, long elapsedNanos, Path log) {

        double seconds() {
            return elapsedNanos / 1e9;
        }
    }

    /** A started command. */
    record Running(Process process, long started, Path log) {

        /** Waits for the exit (killing the process at the deadline) and reads its output. */
        Result await(Duration deadline) throws IOException, InterruptedException {
            int code;
            if (process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
                code = process.exitValue();
            } else {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
                code = -1;
            }
            long elapsed = System.nanoTime() - started;
            return new Result(code, Files.readString(log, StandardCharsets.UTF_8), elapsed, log);
        }
    }

    private final Path logs;
    private final AtomicInteger counter = new AtomicInteger();

    Commands(Path logs) {
        this.logs = logs;
    }

    /** The first executable {@code program} in PATH, then in {@code moreDirs}. */
    static Optional<Path> which(String program, List<Path> moreDirs) {
        List<Path> dirs = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(":", -1)) {
                if (!dir.isEmpty()) {
                    dirs.add(Path.of(dir));
                }
            }
        }
        dirs.addAll(moreDirs);
        return dirs.stream()
                .map(d -> d.resolve(program))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /** Starts {@code command}; {@code stdin} is a file to read or {@code null} for none (/dev/null). */
    Running start(String name, List<String> command, Path stdin) throws IOException {
        Files.createDirectories(logs);
        Path log = logs.resolve(String.format("%03d-%s.log", counter.incrementAndGet(), name));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(
                        stdin == null
                                ? ProcessBuilder.Redirect.from(new File("/dev/null"))
                                : ProcessBuilder.Redirect.from(stdin.toFile()));
        long started = System.nanoTime();
        return new Running(builder.start(), started, log);
    }

    /** Runs {@code command} to its end (or its deadline) with no input. */
    Result run(List<String> command, Duration deadline) throws IOException, InterruptedException {
        Path program = Path.of(command.get(0)).getFileName();
        String name = (program == null ? "command" : program.toString())
                + (command.size() > 1 ? "-" + command.get(1).replaceAll("[^A-Za-z0-9_.]", "") : "");
        return start(name, command, null).await(deadline);
    }
}
