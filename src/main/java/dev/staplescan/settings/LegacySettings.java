package dev.staplescan.settings;

import dev.staplescan.scan.TlsVersion;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.batch.core.job.parameters.JobParameters;

/**
 * Reads the settings of runs started by staplescan before version 2 of the settings (commit
 * {@code 1d8fd14} and older), so such runs can still be resumed, re-rendered and re-assessed. Used
 * only for rows and job parameters without the version-2 marker; nothing new is written in these forms.
 *
 * <p>Those versions kept settings twice: as job parameters with their own names and types
 * ({@code connect.timeout.ms} as a number of milliseconds, ...), and as display text in
 * {@code ss_run.options} ({@code partitions=4 concurrency=256 connectTimeout=PT5S ... trust=-}).
 */
public final class LegacySettings {

    /** A key at the start or after a space; its value runs to the next key (so the last value, trust, may hold spaces). */
    private static final Pattern KEY = Pattern.compile("(?:^| )([A-Za-z]+)=");

    private LegacySettings() {}

    /**
     * The settings of an old run's job parameters. Keys that older versions did not write take the
     * values those versions used: both TLS versions, first address only, responder query on with 5 s,
     * every report format.
     */
    public static AuditSettings fromJobParameters(JobParameters p) {
        Map<Setting<?>, Object> v = new LinkedHashMap<>();
        v.put(Settings.INPUT, path(p.getString("input")));
        v.put(Settings.OUT, path(p.getString("out")));
        v.put(Settings.TRUST, path(p.getString("trust")));
        Optional.ofNullable(p.getString("policy")).ifPresent(x -> v.put(Settings.POLICY, x));
        v.put(Settings.PARTITIONS, p.getLong("partitions").intValue());
        v.put(Settings.CONCURRENCY, p.getLong("concurrency").intValue());
        v.put(Settings.CONNECT_TIMEOUT, Duration.ofMillis(p.getLong("connect.timeout.ms")));
        v.put(Settings.HANDSHAKE_TIMEOUT, Duration.ofMillis(p.getLong("handshake.timeout.ms")));
        v.put(Settings.ENDPOINT_TIMEOUT, Duration.ofMillis(p.getLong("total.timeout.ms")));
        v.put(Settings.HANDSHAKES, p.getLong("handshakes.per.version").intValue());
        v.put(Settings.MAX_REJECTED_SHARE, p.getDouble("max.rejected.share"));
        v.put(Settings.CSV_BOM, Boolean.parseBoolean(p.getString("csv.bom")));
        String versions = p.getString("tls.versions");
        if (versions != null && !versions.isEmpty()) {
            v.put(Settings.TLS, tls(versions).orElseThrow());
        }
        v.put(Settings.ALL_ADDRESSES, Boolean.parseBoolean(p.getString("all.addresses")));
        Optional.ofNullable(p.getLong("max.addresses")).ifPresent(n -> v.put(Settings.MAX_ADDRESSES, n.intValue()));
        Optional.ofNullable(p.getString("responder.query"))
                .ifPresent(q -> v.put(Settings.RESPONDER_QUERY, Boolean.parseBoolean(q)));
        Optional.ofNullable(p.getLong("responder.timeout.ms"))
                .ifPresent(ms -> v.put(Settings.RESPONDER_TIMEOUT, Duration.ofMillis(ms)));
        String formats = p.getString("formats");
        if (formats != null && !formats.isBlank()) {
            v.put(Settings.FORMATS, Settings.FORMATS.parse(formats));
        }
        return AuditSettings.of(v);
    }

    /**
     * The settings an old run recorded in {@code ss_run.options}, for its report: only those the text
     * holds (older versions recorded fewer), so the report says "not recorded" rather than guess. A
     * value that cannot be read is left out the same way.
     */
    public static Map<Setting<?>, Object> fromOptionsText(String text) {
        Map<Setting<?>, Object> v = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return v;
        }
        split(text).forEach((key, value) -> {
            try {
                switch (key) {
                    case "partitions" -> v.put(Settings.PARTITIONS, Integer.parseInt(value));
                    case "concurrency" -> v.put(Settings.CONCURRENCY, Integer.parseInt(value));
                    case "connectTimeout" -> v.put(Settings.CONNECT_TIMEOUT, Duration.parse(value));
                    case "handshakeTimeout" -> v.put(Settings.HANDSHAKE_TIMEOUT, Duration.parse(value));
                    case "endpointTimeout" -> v.put(Settings.ENDPOINT_TIMEOUT, Duration.parse(value));
                    case "handshakes" -> v.put(Settings.HANDSHAKES, Integer.parseInt(value));
                    case "tls" -> tls(value.replaceAll("[\\[\\] ]", "")).ifPresent(t -> v.put(Settings.TLS, t));
                    case "allAddresses" -> {
                        // "no", or "max N"
                        v.put(Settings.ALL_ADDRESSES, value.startsWith("max "));
                        if (value.startsWith("max ")) {
                            v.put(Settings.MAX_ADDRESSES, Integer.parseInt(value.substring(4)));
                        }
                    }
                    case "responderQuery" -> v.put(Settings.RESPONDER_QUERY, Boolean.parseBoolean(value));
                    case "responderTimeout" -> v.put(Settings.RESPONDER_TIMEOUT, Duration.parse(value));
                    case "policy" -> v.put(Settings.POLICY, value);
                    case "trust" -> v.put(Settings.TRUST, value.equals("-") ? Optional.empty() : path(value));
                    default -> {
                        // a key this reader does not know: not shown
                    }
                }
            } catch (NumberFormatException | DateTimeParseException e) {
                // unreadable: the report says "not recorded" for it, as it did before
            }
        });
        return v;
    }

    private static Map<String, String> split(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        Matcher m = KEY.matcher(text);
        String key = null;
        int valueStart = 0;
        while (m.find()) {
            if (key != null) {
                values.put(key, text.substring(valueStart, m.start()));
            }
            key = m.group(1);
            valueStart = m.end();
        }
        if (key != null) {
            values.put(key, text.substring(valueStart));
        }
        return values;
    }

    /** {@code TLS_1_3,TLS_1_2}: the names of {@link TlsVersion} in order. */
    private static Optional<TlsChoice> tls(String names) {
        try {
            return TlsChoice.of(Arrays.stream(names.split(","))
                    .map(String::strip)
                    .map(TlsVersion::valueOf)
                    .toList());
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // not a version name: not recorded
        }
    }

    private static Optional<Path> path(String p) {
        return p == null || p.isEmpty() ? Optional.empty() : Optional.of(Path.of(p));
    }
}
