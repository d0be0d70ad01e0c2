package dev.staplescan.cli;

import dev.staplescan.text.EscapedMessageConverter;
import dev.staplescan.text.EscapingPrintStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code staplescan} command and its sub-commands. */
@Command(
        name = "staplescan",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Audits OCSP stapling across fleets of TLS servers.%n",
        subcommands = {
            ScanCommand.class,
            RunCommand.class,
            ScheduleCommand.class,
            RunsCommand.class,
            TrendCommand.class,
            ReportCommand.class,
            DemoCommand.class,
            LabCommand.class,
            CommandLine.HelpCommand.class
        },
        footer = {
            "%nExit codes: 0 no failing endpoint, 1 failing endpoints found (FAIL or ERROR verdicts), "
                    + "2 could not run.",
            "Run 'staplescan COMMAND --help' for a command's options."
        })
public final class StaplescanCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "Missing command: try 'staplescan demo' or 'staplescan --help'.");
    }

    /**
     * Runs the CLI and returns the process exit code. While it runs, {@code System.out} and
     * {@code System.err} escape control characters ({@link EscapingPrintStream}) and log messages are
     * escaped ({@link EscapedMessageConverter}): text from servers and host lists reaches neither the
     * terminal nor the log file raw.
     */
    public static int execute(String... args) {
        EscapedMessageConverter.install();
        PrintStream out = System.out;
        PrintStream err = System.err;
        System.setOut(new EscapingPrintStream(out, out.charset()));
        System.setErr(new EscapingPrintStream(err, err.charset()));
        try {
            return run(args);
        } finally {
            System.out.flush();
            System.err.flush();
            System.setOut(out);
            System.setErr(err);
        }
    }

    private static int run(String... args) {
        CommandLine cl = new CommandLine(new StaplescanCommand());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        // Bad options are "could not run" (2), which is also picocli's usage-error code.
        cl.setParameterExceptionHandler((ex, a) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("staplescan: " + ex.getMessage());
            err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return ExitCodes.COULD_NOT_RUN;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("staplescan: " + AppContext.explain(ex));
            return ExitCodes.COULD_NOT_RUN;
        });
        return cl.execute(args);
    }
}
