package dev.staplescan.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --data} option shared by every command that uses the database. */
public final class DataOption {

    @Option(names = "--data", paramLabel = "DIR",
            defaultValue = "${env:STAPLESCAN_DATA:-${sys:user.home}/.staplescan}",
            description = "Directory of the H2 database and the log file (default: $STAPLESCAN_DATA or ~/.staplescan; now ${DEFAULT-VALUE}).")
    Path dir;

    public Path dir() {
        return dir;
    }
}
