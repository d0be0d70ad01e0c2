package dev.staplescan.cli;

import dev.staplescan.check.Verdict;
import dev.staplescan.report.RunSummary;
import dev.staplescan.store.RunStore;
import dev.staplescan.store.RunSummaryStore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code staplescan runs}: the stored runs, newest first, with their headline figures. */
@Command(
        name = "runs",
        mixinStandardHelpOptions = true,
        description = "Lists stored runs, newest first.%n",
        footer = {
            "%nSTAPLE% is the share of endpoints that stapled, VALID% the share with a valid staple, FAILING the "
                    + "endpoints with a FAIL or ERROR verdict. A run whose details were pruned by retention keeps its figures "
                    + "(marked 'pruned'). A run that did not complete shows why: FAILED/INPUT (unusable host list, not "
                    + "resumed), FAILED/ERROR (resumed by the next start)."
        })
public final class RunsCommand implements Callable<Integer> {

    @Mixin
    DataOption data;

    @Option(
            names = "--limit",
            paramLabel = "N",
            defaultValue = "20",
            description = "How many runs (default: ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() throws Exception {
        Database db = data.database();
        if (db.isDefaultH2() && !db.h2FileExists()) {
            System.out.println("No runs stored in " + data.dir() + " (no database yet). Try 'staplescan demo'.");
            return ExitCodes.CLEAN;
        }
        try (ConfigurableApplicationContext ctx = AppContext.open(db)) {
            RunSummaryStore summaries = ctx.getBean(RunSummaryStore.class);
            var runs = ctx.getBean(RunStore.class).recent(Math.max(1, limit));
            if (runs.isEmpty()) {
                System.out.println("No runs stored in " + db.describe() + ". Try 'staplescan demo'.");
                return ExitCodes.CLEAN;
            }
            TABLE.printHeader(System.out);
            for (RunStore.Run r : runs) {
                Optional<RunSummary> s = summaries.findOrCompute(r);
                boolean why = r.failureKind() != null
                        && !r.completed()
                        && !r.failureKind().name().equals(r.state().name());
                String status = r.state() + (why ? "/" + r.failureKind() : "");
                String input = r.input() + (r.prunedAt() != null ? "  (pruned)" : "");
                String started = r.startedAt().toString().substring(0, 19).replace('T', ' ');
                String job = r.job() == null ? "-" : r.job();
                List<Object> cells = new ArrayList<>(List.of(r.id(), started, status, job));
                // a run without a summary (not yet assessed) shows "-" for every figure
                cells.addAll(s.map(RunsCommand::figures).orElse(Collections.nCopies(FIGURES, "-")));
                cells.add(input);
                TABLE.printRow(System.out, cells.toArray());
            }
            return ExitCodes.CLEAN;
        }
    }

    /** The columns from ENDPOINTS to REJECTED, from a run's summary. */
    private static List<Object> figures(RunSummary x) {
        return List.of(
                x.endpoints(),
                x.verdicts().get(Verdict.PASS),
                x.verdicts().get(Verdict.WARN),
                x.verdicts().get(Verdict.FAIL),
                x.verdicts().get(Verdict.ERROR),
                x.failing(),
                Rates.percent(x.stapling(), x.endpoints()),
                Rates.percent(x.validStaples(), x.endpoints()),
                x.rejections());
    }

    private static final int FIGURES = 9;

    private static final TextTable TABLE = new TextTable(
            "%-5s %-19s %-16s %-20s %9s %6s %6s %6s %6s %7s %7s %7s %8s  %s%n",
            "RUN",
            "STARTED (UTC)",
            "STATUS",
            "JOB",
            "ENDPOINTS",
            "PASS",
            "WARN",
            "FAIL",
            "ERROR",
            "FAILING",
            "STAPLE%",
            "VALID%",
            "REJECTED",
            "INPUT");
}
