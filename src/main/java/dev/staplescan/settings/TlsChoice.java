package dev.staplescan.settings;

import dev.staplescan.scan.TlsVersion;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The {@code tls} setting ({@code --tls 1.2|1.3|both}): which TLS versions a scan asks for. */
public enum TlsChoice {
    TLS_1_2("1.2", List.of(TlsVersion.TLS_1_2)),
    TLS_1_3("1.3", List.of(TlsVersion.TLS_1_3)),
    // TLS 1.3 first: a server's preferred protocol today, and the order the scanner reports in.
    BOTH("both", List.of(TlsVersion.TLS_1_3, TlsVersion.TLS_1_2));

    private final String text;

    @SuppressWarnings("ImmutableEnumChecker") // List.of: unmodifiable
    private final List<TlsVersion> versions;

    TlsChoice(String text, List<TlsVersion> versions) {
        this.text = text;
        this.versions = versions;
    }

    /** The versions asked for, in the order they are tried. */
    public List<TlsVersion> versions() {
        return versions;
    }

    /** The choice that asks for exactly these versions in this order, if there is one. */
    public static Optional<TlsChoice> of(List<TlsVersion> versions) {
        for (TlsChoice c : values()) {
            if (c.versions.equals(versions)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** Accepts {@code 1.2}, {@code 1.3}, {@code both}, and the forms {@code tls1.3} / {@code TLSv1.3}. */
    static Optional<TlsChoice> of(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT).replaceFirst("^tlsv?", "");
        for (TlsChoice c : values()) {
            if (c.text.equals(v)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** {@code 1.2}, {@code 1.3} or {@code both}: the canonical form. */
    @Override
    public String toString() {
        return text;
    }
}
