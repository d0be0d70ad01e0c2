package dev.staplescan.cli;

import dev.staplescan.check.Verdict;
import dev.staplescan.report.RunSummary;
import dev.staplescan.store.JdbcRunData;
import dev.staplescan.store.RunStore;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code staplescan runs}: the stored runs, newest first, with their headline figures. */
@Command(name = "runs", mixinStandardHelpOptions = true, description = "Lists stored runs, newest first.%n")
public final class RunsCommand implements Callable<Integer> {

    @Mixin
    DataOption data;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "How many runs (default: ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() throws Exception {
        try (ConfigurableApplicationContext ctx = AppContext.open(data.dir())) {
            JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
            var runs = ctx.getBean(RunStore.class).recent(Math.max(1, limit));
            if (runs.isEmpty()) {
                System.out.println("No runs stored in " + data.dir() + ". Try 'staplescan demo'.");
                return ExitCodes.CLEAN;
            }
            System.out.printf("%-5s %-20s %-10s %9s %6s %6s %6s %6s %8s  %s%n", "RUN", "STARTED (UTC)", "STATUS",
                    "ENDPOINTS", "PASS", "WARN", "FAIL", "ERROR", "REJECTED", "INPUT");
            for (RunStore.Run r : runs) {
                RunSummary s = new JdbcRunData(jdbc, r.id()).summary();
                System.out.printf("%-5d %-20s %-10s %9d %6d %6d %6d %6d %8d  %s%n", r.id(),
                        r.startedAt().toString().substring(0, 19).replace('T', ' '), r.status(), s.endpoints(),
                        s.verdicts().get(Verdict.PASS), s.verdicts().get(Verdict.WARN), s.verdicts().get(Verdict.FAIL),
                        s.verdicts().get(Verdict.ERROR), s.rejections(), r.input());
            }
            return ExitCodes.CLEAN;
        }
    }
}
