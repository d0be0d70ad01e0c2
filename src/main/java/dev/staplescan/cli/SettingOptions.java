package dev.staplescan.cli;

import dev.staplescan.settings.AuditSettings;
import dev.staplescan.settings.Setting;
import dev.staplescan.settings.SettingException;
import dev.staplescan.settings.Settings;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * The command-line options of the audit settings ({@link Settings#ALL}), derived from the settings:
 * names, value labels, help text and defaults. Values are taken as text and read by the settings'
 * own types, so a wrong value gets the same message as in a job definition.
 */
final class SettingOptions implements IModelTransformer {

    /** Adds an option for every setting the command line can set. */
    @Override
    public CommandSpec transform(CommandSpec spec) {
        for (Setting<?> s : Settings.ALL) {
            if (s.cli().isEmpty()) {
                continue;
            }
            OptionSpec.Builder option = OptionSpec.builder(s.cli().toArray(String[]::new));
            String shown = s.format(s.defaultValue());
            if (s.isFlag()) {
                option.arity("0").type(boolean.class).description(s.help());
            } else {
                option.arity("1")
                        .type(String.class)
                        .paramLabel(s.label())
                        .required(s.equals(Settings.INPUT))
                        .description(shown.isEmpty() ? s.help() : withDefault(s.help(), shown));
            }
            spec.addOption(option.build());
        }
        return spec;
    }

    /**
     * The settings as given on the command line of {@code spec}, the others at their defaults.
     *
     * @throws ParameterException a usage error (exit 2) naming the option of a wrong value, with the
     *     setting's own message
     */
    static AuditSettings read(CommandSpec spec) {
        Map<Setting<?>, String> given = new LinkedHashMap<>();
        for (Setting<?> s : Settings.ALL) {
            OptionSpec option =
                    s.cli().isEmpty() ? null : spec.findOption(s.cli().get(0));
            if (option != null && spec.commandLine().getParseResult().hasMatchedOption(option)) {
                // A flag sets the opposite of its setting's default (--csv-bom, --no-responder-query).
                given.put(s, s.isFlag() ? String.valueOf(!(Boolean) s.defaultValue()) : option.getValue());
            }
        }
        try {
            return AuditSettings.parse(given);
        } catch (SettingException e) {
            throw new ParameterException(spec.commandLine(), e.message(SettingOptions::name));
        }
    }

    /** {@code Parallel scan partitions (default: 4).} */
    private static String withDefault(String help, String shown) {
        String sentence = help.endsWith(".") ? help.substring(0, help.length() - 1) : help;
        return sentence + " (default: " + shown + ").";
    }

    /** How the command line names a setting in messages: its documented option. */
    static String name(Setting<?> s) {
        return s.option().orElse(s.key());
    }
}
