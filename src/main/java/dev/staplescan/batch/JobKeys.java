package dev.staplescan.batch;

/** Names of the audit job's parameters. All but {@link #RUN_ID} are non-identifying. */
public final class JobKeys {

    public static final String JOB_NAME = "audit";
    /** Identifies the job instance: one instance per run. */
    public static final String RUN_ID = "run.id";
    public static final String INPUT = "input";
    public static final String OUT = "out";
    public static final String TRUST = "trust";
    public static final String POLICY = "policy";
    public static final String PARTITIONS = "partitions";
    public static final String CONCURRENCY = "concurrency";
    public static final String CONNECT_TIMEOUT_MS = "connect.timeout.ms";
    public static final String HANDSHAKE_TIMEOUT_MS = "handshake.timeout.ms";
    public static final String TOTAL_TIMEOUT_MS = "total.timeout.ms";
    public static final String HANDSHAKES_PER_VERSION = "handshakes.per.version";
    public static final String MAX_REJECTED_SHARE = "max.rejected.share";
    public static final String CSV_BOM = "csv.bom";
    /** Report formats to write, e.g. {@code pdf,csv}; absent in runs from before formats existed (all). */
    public static final String FORMATS = "formats";

    private JobKeys() {
    }
}
