package dev.staplescan.batch;

import dev.staplescan.scan.ResponderOptions;
import java.nio.file.Path;
import java.time.Duration;

/**
 * What one audit run is asked to do, as given on the command line (or by a job definition).
 *
 * @param input            the host list
 * @param out              the directory for report files; {@code null} = {@code staplescan-out/run-<id>}
 * @param trust            extra trust anchors (PEM bundle) added to the JDK's; {@code null} for none
 * @param policy           policy name ({@code default})
 * @param partitions       scan partitions (parallel worker steps)
 * @param concurrency      handshakes in flight in total, shared by the partitions
 * @param connectTimeout   TCP connect timeout
 * @param handshakeTimeout TLS handshake timeout
 * @param endpointTimeout  wall-time bound for all attempts against one endpoint
 * @param handshakes       handshakes per TLS version (more than 1 catches intermittent stapling)
 * @param maxRejectedShare share of rejected lines above which the run stops (0..1)
 * @param csvBom           write a UTF-8 byte-order mark at the start of CSV files (for Excel)
 * @param responderQuery   ask each certificate's OCSP responder live (default on)
 * @param responderTimeout bound on one live responder query (default 5 s)
 */
public record AuditSettings(
        Path input,
        Path out,
        Path trust,
        String policy,
        int partitions,
        int concurrency,
        Duration connectTimeout,
        Duration handshakeTimeout,
        Duration endpointTimeout,
        int handshakes,
        double maxRejectedShare,
        boolean csvBom,
        boolean responderQuery,
        Duration responderTimeout) {

    public static final int DEFAULT_PARTITIONS = 4;
    public static final int DEFAULT_CONCURRENCY = 256;
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_ENDPOINT_TIMEOUT = Duration.ofSeconds(30);
    public static final double DEFAULT_MAX_REJECTED_SHARE = 0.5;
    public static final Duration DEFAULT_RESPONDER_TIMEOUT = ResponderOptions.DEFAULT_TIMEOUT;

    /** Settings with the live responder query on and its default timeout. */
    public AuditSettings(Path input, Path out, Path trust, String policy, int partitions, int concurrency,
            Duration connectTimeout, Duration handshakeTimeout, Duration endpointTimeout, int handshakes,
            double maxRejectedShare, boolean csvBom) {
        this(input, out, trust, policy, partitions, concurrency, connectTimeout, handshakeTimeout, endpointTimeout,
                handshakes, maxRejectedShare, csvBom, true, DEFAULT_RESPONDER_TIMEOUT);
    }

    public AuditSettings {
        if (partitions < 1 || partitions > 256) {
            throw new IllegalArgumentException("--partitions must be from 1 to 256, not " + partitions);
        }
        if (concurrency < 1 || concurrency > 100_000) {
            throw new IllegalArgumentException("--concurrency must be from 1 to 100000, not " + concurrency);
        }
        if (concurrency < partitions) {
            throw new IllegalArgumentException("--concurrency (" + concurrency + ") must be at least --partitions ("
                    + partitions + "): each partition keeps at least one handshake in flight");
        }
        if (handshakes < 1 || handshakes > dev.staplescan.scan.ScanOptions.MAX_HANDSHAKES_PER_VERSION) {
            throw new IllegalArgumentException("--handshakes must be from 1 to "
                    + dev.staplescan.scan.ScanOptions.MAX_HANDSHAKES_PER_VERSION + ", not " + handshakes);
        }
        if (!(maxRejectedShare >= 0 && maxRejectedShare <= 1)) {
            throw new IllegalArgumentException("--max-rejected-share must be from 0 to 1, not " + maxRejectedShare);
        }
        if (responderTimeout == null || responderTimeout.toMillis() < 1 || responderTimeout.toMinutes() > 10) {
            throw new IllegalArgumentException("--responder-timeout must be from 1ms to 10m, not " + responderTimeout);
        }
    }
}
