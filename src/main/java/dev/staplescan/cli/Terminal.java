package dev.staplescan.cli;

import java.io.Console;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether progress output would reach a person: stderr is a terminal. */
final class Terminal {

    private Terminal() {}

    static boolean isStderrTerminal() {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            return false;
        }
        // Linux: fd 2 of this process points at a tty device.
        Path fd2 = Path.of("/proc/self/fd/2");
        if (Files.exists(fd2)) {
            try {
                String target = Files.readSymbolicLink(fd2).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            } catch (IOException | UnsupportedOperationException e) {
                // Not readable in this sandbox: fall back to the console check below.
            }
        }
        @SuppressWarnings("SystemConsoleNull") // Java 21 (still supported) returns null when not a terminal
        Console c = System.console();
        if (c == null) {
            return false;
        }
        try {
            // Java 22+: a Console exists even when redirected; isTerminal() tells the difference.
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(c);
        } catch (ReflectiveOperationException e) {
            return true; // Java 21: a non-null console means a terminal
        }
    }
}
