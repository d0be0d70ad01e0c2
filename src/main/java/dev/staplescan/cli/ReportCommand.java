package dev.staplescan.cli;

import dev.staplescan.batch.DefaultRunServices;
import dev.staplescan.store.JdbcRunData;
import dev.staplescan.store.RunStore;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code staplescan report}: render a stored run's files again, without scanning. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Writes report.pdf, endpoints.csv, findings.csv and rejections.csv of a stored run again, "
                + "from the database (see 'staplescan runs' for the ids).%n")
public final class ReportCommand implements Callable<Integer> {

    @Mixin
    DataOption data;

    @Option(names = "--run", required = true, paramLabel = "ID", description = "The run to render.")
    long runId;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "Output directory (default: staplescan-out/run-<id>).")
    Path out;

    @Option(names = "--csv-bom", description = "Start CSV files with a UTF-8 byte-order mark (helps Excel).")
    boolean csvBom;

    @Override
    public Integer call() throws Exception {
        ConfigurableApplicationContext opened;
        try {
            opened = AppContext.openExisting(data.database());
        } catch (AppContext.MissingDatabaseException e) {
            System.err.println("staplescan: there is no run " + runId + ": " + e.getMessage());
            return ExitCodes.COULD_NOT_RUN;
        }
        try (ConfigurableApplicationContext ctx = opened) {
            RunStore.Run run = ctx.getBean(RunStore.class).find(runId).orElse(null);
            if (run == null) {
                System.err.println("staplescan: there is no run " + runId + " in " + data.dir() + " (see 'staplescan runs').");
                return ExitCodes.COULD_NOT_RUN;
            }
            if (run.prunedAt() != null) {
                System.err.println("staplescan: the details of run " + runId + " were deleted by its job's retention on "
                        + run.prunedAt() + "; only its summary is kept (see 'staplescan runs' and 'staplescan trend').");
                return ExitCodes.COULD_NOT_RUN;
            }
            if (!"COMPLETED".equals(run.status())) {
                System.err.println("staplescan: run " + runId + " is " + run.status()
                        + "; the report shows only what was assessed so far.");
            }
            Path dir = out != null ? out : Path.of("staplescan-out", "run-" + runId);
            try (DefaultRunServices services = DefaultRunServices.forReports(csvBom)) {
                services.writeReports(new JdbcRunData(ctx.getBean(JdbcTemplate.class), runId), dir);
            }
            System.out.println("run " + runId + ": reports written to " + dir.toAbsolutePath());
            return ExitCodes.CLEAN;
        }
    }
}
