package dev.staplescan.settings;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One knob of an audit run, declared once in {@link Settings}: its name, type, default, limits (in
 * its {@link ValueType}) and help text. The command-line option, the job-definition field, the job
 * parameter and the line on the report's methodology page are all derived from this declaration.
 *
 * @param key          the canonical name: the job parameter's and the stored settings' key
 * @param type         reads and writes the value, and refuses what is out of range
 * @param defaultValue the value when no source sets it
 * @param yaml         the field in a job definition ({@code scan.partitions}); {@code null} when a
 *                     definition cannot set it (the host list and output directory have fields of their own)
 * @param label        the value's placeholder in {@code --help} ({@code N}, {@code DURATION})
 * @param help         one sentence for {@code --help}; the default is appended there
 * @param cli          the option names, the documented one first; empty when the command line cannot set it.
 *                     A boolean's option is a flag that sets the opposite of its default
 *                     ({@code --csv-bom}, {@code --no-responder-query})
 * @param <T>          the value's type
 */
public record Setting<T>(
        String key, ValueType<T> type, T defaultValue, String yaml, String label, String help, List<String> cli) {

    public Setting {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(defaultValue, key);
        cli = List.copyOf(cli);
    }

    Setting(String key, ValueType<T> type, T defaultValue, String yaml, String label, String help, String... cli) {
        this(key, type, defaultValue, yaml, label, help, List.of(cli));
    }

    /** Reads a value from any source; the exception names this setting. */
    public T parse(String text) {
        try {
            return type.parse(text);
        } catch (ValueType.BadValueException e) {
            throw new SettingException(this, e.getMessage());
        }
    }

    /** The canonical text of a value of this setting. */
    @SuppressWarnings("unchecked")
    public String format(Object value) {
        return type.format((T) value);
    }

    /** Whether the command line sets it with a flag (no value) rather than an option with a value. */
    public boolean isFlag() {
        return defaultValue instanceof Boolean;
    }

    /** The documented option name ({@code --timeout}), if the command line can set it. */
    public Optional<String> option() {
        return cli.stream().filter(n -> n.startsWith("--")).findFirst();
    }
}
