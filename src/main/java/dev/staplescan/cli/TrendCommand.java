package dev.staplescan.cli;

import dev.staplescan.report.RunSummary;
import dev.staplescan.store.RunStore;
import dev.staplescan.store.RunSummaryStore;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code staplescan trend}: stapling and failure rates over the last completed runs, as a text table. */
@Command(
        name = "trend",
        mixinStandardHelpOptions = true,
        description = {
            "Shows the stapling and failure rates of the last completed runs of one job or host list, "
                    + "oldest first, with the change from the run before (in percentage points).%n",
            "Without --job or --input: the job (or, for a hand-started scan, the host list) of the newest completed run.%n"
        },
        footer = {
            "%nColumns: REACH% endpoints where a handshake completed; STAPLE% endpoints that stapled; VALID% "
                    + "endpoints with a valid staple; FAIL% endpoints with a FAIL or ERROR verdict. Runs pruned by retention "
                    + "are included: their summaries are kept."
        })
public final class TrendCommand implements Callable<Integer> {

    @Mixin
    DataOption data;

    @ArgGroup(exclusive = true)
    Which which;

    /** Which runs: a job's or a host list's. */
    static final class Which {
        @Option(names = "--job", paramLabel = "NAME", description = "Runs started by this job definition.")
        String job;

        @Option(
                names = "--input",
                paramLabel = "FILE",
                description = "Runs of this host list started by hand ('scan').")
        Path input;
    }

    @Option(
            names = "--last",
            paramLabel = "N",
            defaultValue = "10",
            description = "How many runs (default: ${DEFAULT-VALUE}).")
    int last;

    @Override
    public Integer call() throws Exception {
        try (ConfigurableApplicationContext ctx = AppContext.openExisting(data.database())) {
            RunStore runs = ctx.getBean(RunStore.class);
            String job = which == null ? null : which.job;
            String input = which == null || which.input == null
                    ? null
                    : which.input.toAbsolutePath().normalize().toString();
            if (which == null) {
                RunStore.Run newest = runs.recent(1000).stream()
                        .filter(RunStore.Run::completed)
                        .findFirst()
                        .orElse(null);
                if (newest == null) {
                    System.err.println("staplescan: no completed run yet in "
                            + data.database().describe() + ".");
                    return ExitCodes.COULD_NOT_RUN;
                }
                job = newest.job();
                input = newest.input();
            }
            List<RunStore.Run> candidates = job != null
                    ? runs.of(job, null)
                    : runs.of(null, input).stream().filter(r -> r.job() == null).toList();
            List<RunSummary> rows = ctx.getBean(RunSummaryStore.class).completed(candidates, Math.max(1, last));
            String what = job != null ? "job " + job : "host list " + input;
            if (rows.isEmpty()) {
                System.err.println("staplescan: no completed run of " + what + " (see 'staplescan runs').");
                return ExitCodes.COULD_NOT_RUN;
            }
            System.out.println("Trend of " + what + ": last " + rows.size() + " completed run(s), oldest first");
            TABLE.printHeader(System.out);
            Double staple = null;
            Double valid = null;
            Double failing = null;
            for (RunSummary s : rows) {
                double st = rate(s.stapling(), s.endpoints());
                double va = rate(s.validStaples(), s.endpoints());
                double fa = rate(s.failing(), s.endpoints());
                TABLE.printRow(
                        System.out,
                        s.runId(),
                        s.startedAt().toString().substring(0, 16).replace('T', ' '),
                        s.endpoints(),
                        Rates.percent(s.reachable(), s.endpoints()),
                        Rates.percent(s.stapling(), s.endpoints()),
                        Rates.delta(staple, st),
                        Rates.percent(s.validStaples(), s.endpoints()),
                        Rates.delta(valid, va),
                        Rates.percent(s.failing(), s.endpoints()),
                        Rates.delta(failing, fa),
                        s.failing());
                staple = st;
                valid = va;
                failing = fa;
            }
            return ExitCodes.CLEAN;
        } catch (AppContext.MissingDatabaseException e) {
            System.err.println("staplescan: " + e.getMessage());
            return ExitCodes.COULD_NOT_RUN;
        }
    }

    private static final TextTable TABLE = new TextTable(
            "%-6s %-16s %9s %6s %7s %6s %6s %6s %6s %6s %7s%n",
            "RUN",
            "STARTED (UTC)",
            "ENDPOINTS",
            "REACH%",
            "STAPLE%",
            "CHANGE",
            "VALID%",
            "CHANGE",
            "FAIL%",
            "CHANGE",
            "FAILING");

    private static double rate(long part, long whole) {
        return whole == 0 ? 0 : 100.0 * part / whole;
    }
}
