package dev.staplescan.report;

import dev.staplescan.settings.AuditSettings;
import dev.staplescan.settings.LegacySettings;
import dev.staplescan.settings.Setting;
import dev.staplescan.settings.Settings;
import dev.staplescan.settings.SettingsText;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The scan settings a run was made with, as stored with the run ({@code ss_run.options}), for the
 * report's methodology page. A setting the run did not record is empty, and the report says "not
 * recorded".
 *
 * @param recorded the recorded settings and their values
 */
public record RunSettings(Map<Setting<?>, Object> recorded) {

    /** A run whose settings were not recorded. */
    public static final RunSettings UNKNOWN = new RunSettings(Map.of());

    public RunSettings {
        recorded = Map.copyOf(recorded);
    }

    /** The settings of a run made with these settings. */
    public static RunSettings of(AuditSettings settings) {
        Map<Setting<?>, Object> all = new LinkedHashMap<>();
        Settings.ALL.forEach(s -> all.put(s, settings.get(s)));
        return new RunSettings(all);
    }

    /**
     * Reads the stored form ({@link SettingsText}); a row written before that form existed is read by
     * {@link LegacySettings}. {@code null} or blank gives {@link #UNKNOWN}.
     */
    public static RunSettings parse(String options) {
        return SettingsText.read(options)
                .map(RunSettings::recorded)
                .orElseGet(() -> new RunSettings(LegacySettings.fromOptionsText(options)));
    }

    /** The settings the stored text names; one added to staplescan after the run stays "not recorded". */
    private static RunSettings recorded(Map<String, String> texts) {
        AuditSettings all = AuditSettings.fromCanonical(texts);
        Map<Setting<?>, Object> recorded = new LinkedHashMap<>();
        Settings.ALL.stream().filter(s -> texts.containsKey(s.key())).forEach(s -> recorded.put(s, all.get(s)));
        return new RunSettings(recorded);
    }

    /** A recorded setting. */
    @SuppressWarnings("unchecked")
    public <T> Optional<T> get(Setting<T> setting) {
        return Optional.ofNullable((T) recorded.get(setting));
    }
}
