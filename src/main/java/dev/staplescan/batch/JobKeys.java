package dev.staplescan.batch;

/** Names of the audit job's parameters. All but {@link #RUN_ID} are non-identifying. */
public final class JobKeys {

    public static final String JOB_NAME = "audit";
    /** Identifies the job instance: one instance per run. */
    public static final String RUN_ID = "run.id";

    public static final String INPUT = "input";
    public static final String OUT = "out";
    public static final String TRUST = "trust";
    /** The policy's reference: a built-in's name or a policy file's absolute path. */
    public static final String POLICY = "policy";
    /** SHA-256 of the policy's canonical form when the run started: a restart must judge by the same rules. */
    public static final String POLICY_DIGEST = "policy.sha256";

    public static final String PARTITIONS = "partitions";
    public static final String CONCURRENCY = "concurrency";
    public static final String CONNECT_TIMEOUT_MS = "connect.timeout.ms";
    public static final String HANDSHAKE_TIMEOUT_MS = "handshake.timeout.ms";
    public static final String TOTAL_TIMEOUT_MS = "total.timeout.ms";
    public static final String HANDSHAKES_PER_VERSION = "handshakes.per.version";
    public static final String MAX_REJECTED_SHARE = "max.rejected.share";
    public static final String CSV_BOM = "csv.bom";
    /** {@code "true"} or {@code "false"}: ask each certificate's OCSP responder live. Absent = true. */
    public static final String RESPONDER_QUERY = "responder.query";
    /** Bound on one live responder query, in milliseconds. Absent = the default (5 s). */
    public static final String RESPONDER_TIMEOUT_MS = "responder.timeout.ms";
    /** TLS versions asked for, comma-separated {@code TlsVersion} names in order, e.g. {@code TLS_1_3,TLS_1_2}. */
    public static final String TLS_VERSIONS = "tls.versions";

    public static final String ALL_ADDRESSES = "all.addresses";
    public static final String MAX_ADDRESSES = "max.addresses";
    /** Report formats to write, e.g. {@code pdf,csv}; absent in runs from before formats existed (all). */
    public static final String FORMATS = "formats";

    private JobKeys() {}
}
