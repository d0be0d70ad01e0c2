package dev.staplescan.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The command line of a measured staplescan process: the launcher users run ({@code bin/staplescan}:
 * the fast-start class-data archive, native access for BoringSSL), so whole-process figures are what a
 * user gets. JVM options go through {@code STAPLESCAN_JAVA_OPTS}, set with {@code env}, which like the
 * launcher replaces itself: the process started is the JVM, whose memory the benchmark reads.
 */
final class Launcher {

    /** The jar {@code bin/staplescan} builds and runs. */
    static final Path OWN_JAR = Path.of("target", "staplescan.jar");

    private Launcher() {}

    /** {@code bin/staplescan} under the working directory, where {@code bin/benchmark} starts us. */
    static Path script() {
        return Path.of("bin", "staplescan").toAbsolutePath();
    }

    static boolean available() {
        return Files.isExecutable(script());
    }

    /** {@code scan} of {@code list} with its own database and output directory: what every measured run does. */
    static List<String> scan(Path list, Path trust, Path data, Path out) {
        return List.of(
                "scan",
                "--input",
                list.toString(),
                "--trust",
                trust.toString(),
                "--data",
                data.toString(),
                "--out",
                out.toString());
    }

    /**
     * The launcher with {@code args}; with {@code --jar FILE} other than the launcher's own jar, that
     * jar in a plain JVM (no fast-start archive).
     */
    static List<String> command(Path jar, Optional<String> xmx, List<String> args) {
        List<String> command = new ArrayList<>();
        if (!available()
                || !jar.toAbsolutePath()
                        .normalize()
                        .equals(OWN_JAR.toAbsolutePath().normalize())) {
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.add("--enable-native-access=ALL-UNNAMED");
            xmx.ifPresent(x -> command.add("-Xmx" + x));
            command.add("-jar");
            command.add(jar.toString());
            command.addAll(args);
            return command;
        }
        command.add("env");
        command.add("STAPLESCAN_JAVA_OPTS=" + xmx.map(x -> "-Xmx" + x).orElse(""));
        command.add(script().toString());
        command.addAll(args);
        return command;
    }
}
