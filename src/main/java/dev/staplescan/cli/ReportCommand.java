package dev.staplescan.cli;

import dev.staplescan.batch.AuditLauncher;
import dev.staplescan.batch.ReportWriter;
import dev.staplescan.policy.Policies;
import dev.staplescan.settings.ReportFormat;
import dev.staplescan.store.JdbcRunData;
import dev.staplescan.store.RunStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.concurrent.Callable;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code staplescan report}: render a stored run's files again, optionally re-assessed under another policy. */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = {
            "Writes report.pdf, endpoints.csv, findings.csv and rejections.csv of a stored run again, "
                    + "from the database (see 'staplescan runs' for the ids).%n",
            "With --policy, first judges the run's stored observations again under that policy (no rescanning), "
                    + "replacing its findings and verdicts, and records the policy with the run.%n"
        })
public final class ReportCommand implements Callable<Integer> {

    @Mixin
    DataOption data;

    @Option(names = "--run", required = true, paramLabel = "ID", description = "The run to render.")
    long runId;

    @Option(
            names = {"-o", "--out"},
            paramLabel = "DIR",
            description = "Output directory (default: staplescan-out/run-<id>).")
    Path out;

    @Option(names = "--csv-bom", description = "Start CSV files with a UTF-8 byte-order mark (helps Excel).")
    boolean csvBom;

    @Option(
            names = "--policy",
            paramLabel = "FILE|NAME",
            description = "Re-assess the run under this policy file or built-in (default, baseline-requirements) "
                    + "before rendering.")
    String policy;

    @Option(
            names = "--trust",
            paramLabel = "PEM",
            description = "With --policy: the trust bundle to judge chains against, instead of the run's own "
                    + "(when that file has moved).")
    Path trust;

    @Override
    public Integer call() throws Exception {
        Policies.Loaded loaded = null;
        if (policy != null) {
            try {
                loaded = Policies.load(policy);
            } catch (IllegalArgumentException e) { // PolicyException: names the file, line and allowed values
                System.err.println("staplescan: " + e.getMessage());
                return ExitCodes.COULD_NOT_RUN;
            }
        }
        if (trust != null && (policy == null || !Files.isRegularFile(trust) || !Files.isReadable(trust))) {
            System.err.println("staplescan: "
                    + (policy == null
                            ? "--trust is only used with --policy."
                            : "cannot read the trust bundle '" + trust + "'."));
            return ExitCodes.COULD_NOT_RUN;
        }
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
                System.err.println(
                        "staplescan: there is no run " + runId + " in " + data.dir() + " (see 'staplescan runs').");
                return ExitCodes.COULD_NOT_RUN;
            }
            if (run.prunedAt() != null) {
                System.err.println("staplescan: the details of run " + runId
                        + " were deleted by its job's retention on " + run.prunedAt()
                        + "; only its summary is kept (see 'staplescan runs' and 'staplescan trend').");
                return ExitCodes.COULD_NOT_RUN;
            }
            Path dir = out != null ? out : Path.of("staplescan-out", "run-" + runId);
            if (policy != null) {
                return reassess(ctx, loaded, dir);
            }
            if (!run.completed()) {
                System.err.println("staplescan: run " + runId + " is " + run.state()
                        + "; the report shows only what was assessed so far.");
            }
            new ReportWriter(csvBom, EnumSet.allOf(ReportFormat.class))
                    .write(new JdbcRunData(ctx.getBean(JdbcTemplate.class), runId), dir);
            System.out.println("run " + runId + ": reports written to " + dir.toAbsolutePath());
            return ExitCodes.CLEAN;
        }
    }

    private int reassess(ConfigurableApplicationContext ctx, Policies.Loaded loaded, Path dir) throws Exception {
        JobExecution done;
        try {
            done = ctx.getBean(AuditLauncher.class).reassess(runId, loaded, dir, csvBom, trust);
        } catch (IllegalArgumentException e) {
            System.err.println("staplescan: " + e.getMessage());
            return ExitCodes.COULD_NOT_RUN;
        }
        if (done.getStatus() != BatchStatus.COMPLETED) {
            String why = done.getAllFailureExceptions().stream()
                    .map(Throwable::getMessage)
                    .findFirst()
                    .orElse(done.getExitStatus().getExitDescription());
            System.err.println("staplescan: re-assessing run " + runId + " " + done.getStatus() + ": " + why);
            System.err.println("Its findings are incomplete until 'staplescan report --run " + runId
                    + " --policy ...' completes.");
            return ExitCodes.COULD_NOT_RUN;
        }
        var summary = new JdbcRunData(ctx.getBean(JdbcTemplate.class), runId).summary();
        System.out.println("run " + runId + ": re-assessed under policy " + summary.policy() + "; reports written to "
                + dir.toAbsolutePath());
        return ExitCodes.CLEAN;
    }
}
