package dev.staplescan.jobs;

import dev.staplescan.batch.AuditSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The {@code scan:} section of a job definition: the same knobs as {@code staplescan scan}'s options.
 *
 * @param partitions       parallel scan partitions
 * @param concurrency      handshakes in flight over all partitions
 * @param connectTimeout   TCP connect timeout per attempt
 * @param handshakeTimeout TLS handshake timeout per attempt
 * @param endpointTimeout  bound on all attempts against one endpoint
 * @param handshakes       handshakes per TLS version
 * @param trust            PEM bundle added to the JDK's trust anchors; empty for none
 * @param maxRejectedShare share of rejected lines above which the run stops as unusable
 */
public record ScanSpec(
        int partitions,
        int concurrency,
        Duration connectTimeout,
        Duration handshakeTimeout,
        Duration endpointTimeout,
        int handshakes,
        Optional<Path> trust,
        double maxRejectedShare) {

    /** What a definition without a {@code scan:} section gets: {@code staplescan scan}'s defaults. */
    public static final ScanSpec DEFAULTS = new ScanSpec(
            AuditSettings.DEFAULT_PARTITIONS,
            AuditSettings.DEFAULT_CONCURRENCY,
            AuditSettings.DEFAULT_CONNECT_TIMEOUT,
            AuditSettings.DEFAULT_HANDSHAKE_TIMEOUT,
            AuditSettings.DEFAULT_ENDPOINT_TIMEOUT,
            1,
            Optional.empty(),
            AuditSettings.DEFAULT_MAX_REJECTED_SHARE);
}
