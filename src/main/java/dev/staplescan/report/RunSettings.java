package dev.staplescan.report;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The scan settings a run was made with, as stored with the run ({@code ss_run.options}: space-separated
 * {@code key=value} pairs such as {@code handshakes=2 connectTimeout=PT5S trust=/etc/ca.pem}), for the
 * report's methodology page. A setting the run did not record is empty, and the report says "not recorded".
 *
 * @param values the recorded settings by key, in stored order
 */
public record RunSettings(Map<String, String> values) {

    /** A run whose settings were not recorded. */
    public static final RunSettings UNKNOWN = new RunSettings(Map.of());

    /** A key at the start or after a space; its value runs to the next key (so the last value, trust, may hold spaces). */
    private static final Pattern KEY = Pattern.compile("(?:^| )([A-Za-z]+)=");

    public RunSettings {
        values = Map.copyOf(values);
    }

    /** Parses the stored form; {@code null} or blank gives {@link #UNKNOWN}. */
    public static RunSettings parse(String options) {
        if (options == null || options.isBlank()) {
            return UNKNOWN;
        }
        Map<String, String> values = new LinkedHashMap<>();
        Matcher m = KEY.matcher(options);
        String key = null;
        int valueStart = 0;
        while (m.find()) {
            if (key != null) {
                values.put(key, options.substring(valueStart, m.start()));
            }
            key = m.group(1);
            valueStart = m.end();
        }
        if (key != null) {
            values.put(key, options.substring(valueStart));
        }
        return new RunSettings(values);
    }

    /** A recorded setting. */
    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key)).filter(v -> !v.isBlank());
    }

    /** A recorded duration setting; empty when absent or not an ISO-8601 duration. */
    public Optional<Duration> duration(String key) {
        try {
            return get(key).map(Duration::parse);
        } catch (DateTimeParseException e) {
            // written by a version that stored another format: show it as not recorded rather than fail the report
            return Optional.empty();
        }
    }
}
