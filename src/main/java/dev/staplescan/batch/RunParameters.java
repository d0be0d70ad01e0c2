package dev.staplescan.batch;

import dev.staplescan.check.Policy;
import dev.staplescan.policy.Policies;
import dev.staplescan.policy.PolicyException;
import dev.staplescan.settings.AuditSettings;
import dev.staplescan.settings.LegacySettings;
import dev.staplescan.settings.Settings;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * The job parameters of an audit or re-assessment: the run id (identifying), every setting as a
 * non-identifying string parameter named by its key and holding its canonical text (read back by the
 * setting's own type, as a command-line value is), and the policy's digest. Everything a step needs is
 * here, so any JVM sharing the job repository can rebuild a run's scanner from a step execution.
 *
 * @param runId        the run ({@code ss_run.id})
 * @param settings     the run's settings, with the input, output directory and trust bundle absolute
 * @param policyDigest SHA-256 of the policy when the run started; a restart refuses a changed policy
 */
public record RunParameters(long runId, AuditSettings settings, String policyDigest) {

    static final String VERSION = "2";

    /** Reads the parameters of a run; those of runs from before this form are converted by {@link LegacySettings}. */
    public static RunParameters from(JobParameters p) {
        Long runId = p.getLong(JobKeys.RUN_ID);
        if (runId == null) {
            throw new IllegalStateException("The job parameters have no " + JobKeys.RUN_ID + ": " + p);
        }
        String digest = p.getString(JobKeys.POLICY_DIGEST);
        if (!VERSION.equals(p.getString(JobKeys.SETTINGS_VERSION))) {
            return new RunParameters(runId, LegacySettings.fromJobParameters(p), digest);
        }
        Map<String, String> texts = new LinkedHashMap<>();
        Settings.ALL.forEach(s -> texts.put(s.key(), p.getString(s.key())));
        texts.values().removeIf(v -> v == null);
        return new RunParameters(runId, AuditSettings.fromCanonical(texts), digest);
    }

    /** The parameters, with the run id as the only identifying one. */
    public JobParametersBuilder toBuilder() {
        JobParametersBuilder b = new JobParametersBuilder()
                .addLong(JobKeys.RUN_ID, runId)
                .addString(JobKeys.SETTINGS_VERSION, VERSION, false);
        if (policyDigest != null) {
            b.addString(JobKeys.POLICY_DIGEST, policyDigest, false);
        }
        settings.canonical().forEach((key, text) -> b.addString(key, text, false));
        return b;
    }

    public JobParameters toJobParameters() {
        return toBuilder().toJobParameters();
    }

    /**
     * The run's policy, loaded again from its reference. A restart must judge by the rules the run
     * started with: when the file now says something else, the run stops rather than mixing policies.
     *
     * @throws PolicyException when the policy cannot be loaded or has changed
     */
    public Policy policy() {
        String reference = settings.get(Settings.POLICY);
        Policies.Loaded loaded = Policies.load(reference);
        if (policyDigest != null && !policyDigest.equals(loaded.digest())) {
            throw new PolicyException(
                    reference,
                    0,
                    "the policy changed since this run started (SHA-256 of its settings was " + policyDigest + ", is "
                            + loaded.digest() + "); restore it, or start a new run");
        }
        return loaded.policy();
    }

    /** Where the run's report files go. */
    public Path out() {
        return settings.get(Settings.OUT)
                .orElseThrow(() -> new IllegalStateException("Run " + runId + " has no output directory"));
    }
}
