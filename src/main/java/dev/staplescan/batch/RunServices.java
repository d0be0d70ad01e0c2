package dev.staplescan.batch;

import dev.staplescan.check.Assessment;
import dev.staplescan.input.Target;
import dev.staplescan.report.RunData;
import dev.staplescan.scan.Observation;
import java.nio.file.Path;

/**
 * The per-run services the job's steps call: built once per job execution from its parameters
 * (timeouts, trust bundle, policy), shared by all partitions, dropped when the execution ends.
 */
public interface RunServices {

    /** Scans one endpoint (blocking; called on a virtual thread). Never throws for server behaviour. */
    Observation scan(Target target);

    /** Judges one observation (pure, thread-safe). */
    Assessment assess(Observation observation);

    /** Writes the report files of a run into {@code dir}. */
    void writeReports(RunData data, Path dir) throws Exception;

    /** Name of the policy in force, recorded with the run. */
    String policyName();
}
