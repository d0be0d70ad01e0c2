package dev.staplescan.batch;

import dev.staplescan.scan.ResponderOptions;
import dev.staplescan.scan.ScanOptions;
import dev.staplescan.scan.TlsVersion;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What one audit run is asked to do, as given on the command line (or by a job definition).
 *
 * @param input            the host list
 * @param out              the directory for report files; {@code null} = {@code staplescan-out/run-<id>}
 * @param trust            extra trust anchors (PEM bundle) added to the JDK's; {@code null} for none
 * @param policy           the policy: a built-in's name ({@code default}, {@code baseline-requirements}) or a
 *                         policy file's path (see {@code policy.Policies})
 * @param partitions       scan partitions (parallel worker steps)
 * @param concurrency      handshakes in flight in total, shared by the partitions
 * @param connectTimeout   TCP connect timeout
 * @param handshakeTimeout TLS handshake timeout
 * @param endpointTimeout  wall-time bound for all attempts against one endpoint
 * @param handshakes       handshakes per TLS version (more than 1 catches intermittent stapling)
 * @param maxRejectedShare share of rejected lines above which the run stops (0..1)
 * @param csvBom           write a UTF-8 byte-order mark at the start of CSV files (for Excel)
 * @param versions         TLS versions to ask for, in order (default TLS 1.3, then TLS 1.2)
 * @param allAddresses     scan every resolved address (up to {@code maxAddresses}), not only the first
 * @param maxAddresses     cap on the addresses scanned per endpoint when {@code allAddresses} is on
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
        List<TlsVersion> versions,
        boolean allAddresses,
        int maxAddresses,
        boolean responderQuery,
        Duration responderTimeout) {

    public static final int DEFAULT_PARTITIONS = 4;
    public static final int DEFAULT_CONCURRENCY = 256;
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_ENDPOINT_TIMEOUT = Duration.ofSeconds(30);
    public static final double DEFAULT_MAX_REJECTED_SHARE = 0.5;
    public static final List<TlsVersion> DEFAULT_VERSIONS =
            ScanOptions.defaults().versions();
    /** A constant for option defaults; equals {@code ScanOptions.defaults().maxAddresses()} (AuditSettingsTest). */
    public static final int DEFAULT_MAX_ADDRESSES = 4;

    public static final Duration DEFAULT_RESPONDER_TIMEOUT = ResponderOptions.DEFAULT_TIMEOUT;

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
        if (handshakes < 1 || handshakes > ScanOptions.MAX_HANDSHAKES_PER_VERSION) {
            throw new IllegalArgumentException(
                    "--handshakes must be from 1 to " + ScanOptions.MAX_HANDSHAKES_PER_VERSION + ", not " + handshakes);
        }
        if (!(maxRejectedShare >= 0 && maxRejectedShare <= 1)) {
            throw new IllegalArgumentException("--max-rejected-share must be from 0 to 1, not " + maxRejectedShare);
        }
        if (maxAddresses < 1 || maxAddresses > ScanOptions.MAX_ADDRESSES) {
            throw new IllegalArgumentException(
                    "--max-addresses must be from 1 to " + ScanOptions.MAX_ADDRESSES + ", not " + maxAddresses);
        }
        if (versions == null || versions.isEmpty()) {
            throw new IllegalArgumentException("--tls needs at least one TLS version");
        }
        if (responderTimeout == null || responderTimeout.toMillis() < 1 || responderTimeout.toMinutes() > 10) {
            throw new IllegalArgumentException("--responder-timeout must be from 1ms to 10m, not " + responderTimeout);
        }
        versions = List.copyOf(versions);
    }

    /**
     * Settings that ask for both TLS versions on the first resolved address only, with the live
     * responder query on and its default timeout.
     */
    public AuditSettings(
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
            boolean csvBom) {
        this(
                input,
                out,
                trust,
                policy,
                partitions,
                concurrency,
                connectTimeout,
                handshakeTimeout,
                endpointTimeout,
                handshakes,
                maxRejectedShare,
                csvBom,
                DEFAULT_VERSIONS,
                false,
                DEFAULT_MAX_ADDRESSES,
                true,
                DEFAULT_RESPONDER_TIMEOUT);
    }
}
