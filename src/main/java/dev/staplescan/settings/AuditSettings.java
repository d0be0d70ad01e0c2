package dev.staplescan.settings;

import dev.staplescan.scan.ResponderOptions;
import dev.staplescan.scan.ResponderPolicy;
import dev.staplescan.scan.ScanOptions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The settings of one audit run: a value for every setting of {@link Settings#ALL}, each read and
 * checked by its setting's type, and checked together here (the only rule that spans two settings:
 * concurrency of at least one handshake per partition). Immutable.
 */
public final class AuditSettings {

    private final Map<Setting<?>, Object> values;

    private AuditSettings(Map<Setting<?>, ?> given) {
        Map<Setting<?>, Object> all = new LinkedHashMap<>();
        for (Setting<?> s : Settings.ALL) {
            all.put(s, Objects.requireNonNull(given.containsKey(s) ? given.get(s) : s.defaultValue(), s.key()));
        }
        this.values = all;
        int partitions = get(Settings.PARTITIONS);
        int concurrency = get(Settings.CONCURRENCY);
        if (concurrency < partitions) {
            throw new SettingException(
                    Settings.CONCURRENCY,
                    "must be at least " + Settings.PARTITIONS.key() + " (" + partitions + "), not '" + concurrency
                            + "': each partition keeps at least one handshake in flight");
        }
    }

    /** Every setting at its default. */
    public static AuditSettings defaults() {
        return new AuditSettings(Map.of());
    }

    /** The given values, the others at their defaults. */
    public static AuditSettings of(Map<Setting<?>, ?> values) {
        return new AuditSettings(values);
    }

    /**
     * Reads the given texts (from the command line, a job parameter, the stored settings), the other
     * settings at their defaults.
     *
     * @throws SettingException naming the first wrong value
     */
    public static AuditSettings parse(Map<Setting<?>, String> texts) {
        Map<Setting<?>, Object> values = new LinkedHashMap<>();
        texts.forEach((s, text) -> values.put(s, s.parse(text)));
        return new AuditSettings(values);
    }

    /** Reads the canonical texts by key ({@link #canonical()}'s form); a key that is absent keeps its default. */
    public static AuditSettings fromCanonical(Map<String, String> texts) {
        Map<Setting<?>, String> bySetting = new LinkedHashMap<>();
        for (Setting<?> s : Settings.ALL) {
            if (texts.containsKey(s.key())) {
                bySetting.put(s, texts.get(s.key()));
            }
        }
        return parse(bySetting);
    }

    /** A setting's value. */
    @SuppressWarnings("unchecked")
    public <T> T get(Setting<T> setting) {
        return (T) values.get(setting);
    }

    /** These settings with one value changed. */
    public <T> AuditSettings with(Setting<T> setting, T value) {
        Map<Setting<?>, Object> changed = new LinkedHashMap<>(values);
        changed.put(setting, value);
        return new AuditSettings(changed);
    }

    /** Every setting's canonical text by key, in the order of {@link Settings#ALL}. */
    public Map<String, String> canonical() {
        Map<String, String> texts = new LinkedHashMap<>();
        values.forEach((s, v) -> texts.put(s.key(), s.format(v)));
        return texts;
    }

    /** How the scanner probes each endpoint. */
    public ScanOptions scanOptions() {
        ScanOptions d = ScanOptions.defaults();
        return new ScanOptions(
                get(Settings.CONNECT_TIMEOUT),
                get(Settings.HANDSHAKE_TIMEOUT),
                get(Settings.ENDPOINT_TIMEOUT),
                d.resolveTimeout(),
                get(Settings.TLS).versions(),
                get(Settings.HANDSHAKES),
                get(Settings.ALL_ADDRESSES),
                get(Settings.MAX_ADDRESSES),
                d.resolverThreads());
    }

    /** Whether and how the scan asks each certificate's OCSP responder. */
    public ResponderOptions responderOptions() {
        ResponderOptions d = ResponderOptions.defaults();
        return new ResponderOptions(
                get(Settings.RESPONDER_QUERY),
                get(Settings.RESPONDER_TIMEOUT),
                d.maxResponseBytes(),
                d.cacheSize(),
                new ResponderPolicy(get(Settings.RESPONDER_ALLOW), get(Settings.RESPONDER_DENY)));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AuditSettings other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return canonical().toString();
    }
}
