package dev.staplescan.settings;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The stored form of a run's settings ({@code ss_run.options}): a version line, then one
 * {@code key=value} line per setting with the value in its canonical text (backslash, newline and
 * carriage return escaped). Read back by the settings' own types, never by matching display text.
 * Rows written before this form existed are read by {@link LegacySettings}.
 */
public final class SettingsText {

    /** The first line; the form before it (version 1) was free text without one. */
    public static final String HEADER = "staplescan-settings v2";

    private SettingsText() {}

    /** The stored form of these settings. */
    public static String write(AuditSettings settings) {
        StringBuilder b = new StringBuilder(HEADER);
        settings.canonical()
                .forEach((k, v) -> b.append('\n')
                        .append(k)
                        .append('=')
                        .append(v.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r")));
        return b.toString();
    }

    /** The canonical texts by key, or empty when {@code text} is not in this form (an older row). */
    public static Optional<Map<String, String>> read(String text) {
        if (text == null || !text.startsWith(HEADER + "\n")) {
            return Optional.empty();
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : text.substring(HEADER.length() + 1).split("\n", -1)) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                values.put(line.substring(0, eq), unescape(line.substring(eq + 1)));
            }
        }
        return Optional.of(values);
    }

    private static String unescape(String v) {
        StringBuilder b = new StringBuilder(v.length());
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '\\' && i + 1 < v.length()) {
                char n = v.charAt(++i);
                b.append(n == 'n' ? '\n' : n == 'r' ? '\r' : n);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
