package dev.staplescan.batch;

/**
 * Names of the audit job and of its job parameters that are not settings. The settings themselves
 * are job parameters named by their {@link dev.staplescan.settings.Setting#key() keys} (see
 * {@link RunParameters}).
 */
public final class JobKeys {

    public static final String JOB_NAME = "audit";
    /** Identifies the job instance: one instance per run. */
    public static final String RUN_ID = "run.id";
    /** The run id in a step-scoped bean: {@code @Value(JobKeys.RUN_ID_VALUE) long runId}. */
    static final String RUN_ID_VALUE = "#{jobParameters['" + RUN_ID + "']}";
    /** SHA-256 of the policy's canonical form when the run started: a restart must judge by the same rules. */
    public static final String POLICY_DIGEST = "policy.sha256";
    /**
     * The version of the settings' form in the job parameters ({@code 2}). Absent in runs started
     * before it, whose parameters are read by {@link dev.staplescan.settings.LegacySettings}.
     */
    public static final String SETTINGS_VERSION = "settings.version";

    private JobKeys() {}
}
