package dev.staplescan.settings;

import java.util.function.Function;

/**
 * A wrong value of one setting. The {@link #problem()} is the same whichever source gave the value;
 * only the setting's name in front of it follows the source ({@code --partitions} on the command line,
 * {@code scan.partitions} in a job definition).
 */
public final class SettingException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final transient Setting<?> setting;
    private final String problem;

    public SettingException(Setting<?> setting, String problem) {
        super(setting.key() + ": " + problem);
        this.setting = setting;
        this.problem = problem;
    }

    /** The setting whose value is wrong. */
    public Setting<?> setting() {
        return setting;
    }

    /** What is wrong and what is allowed, without the setting's name. */
    public String problem() {
        return problem;
    }

    /** The message with the setting named as the source names it, e.g. {@code --partitions: must be ...}. */
    public String message(Function<Setting<?>, String> naming) {
        return naming.apply(setting) + ": " + problem;
    }
}
