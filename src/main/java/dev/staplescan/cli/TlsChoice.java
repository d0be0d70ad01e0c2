package dev.staplescan.cli;

import dev.staplescan.scan.TlsVersion;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --tls 1.2|1.3|both}: which TLS versions a scan asks for. */
enum TlsChoice {
    TLS_1_2("1.2", List.of(TlsVersion.TLS_1_2)),
    TLS_1_3("1.3", List.of(TlsVersion.TLS_1_3)),
    // TLS 1.3 first: a server's preferred protocol today, and the order the scanner reports in.
    BOTH("both", List.of(TlsVersion.TLS_1_3, TlsVersion.TLS_1_2));

    private final String text;
    private final List<TlsVersion> versions;

    TlsChoice(String text, List<TlsVersion> versions) {
        this.text = text;
        this.versions = versions;
    }

    List<TlsVersion> versions() {
        return versions;
    }

    @Override
    public String toString() {
        return text;
    }

    /** Accepts {@code 1.2}, {@code 1.3}, {@code both}, and the forms {@code tls1.3} / {@code TLSv1.3}. */
    static final class Converter implements ITypeConverter<TlsChoice> {
        @Override
        public TlsChoice convert(String value) {
            String v = value.strip().toLowerCase(Locale.ROOT).replaceFirst("^tlsv?", "");
            for (TlsChoice c : values()) {
                if (c.text.equals(v)) {
                    return c;
                }
            }
            throw new TypeConversionException("'" + value + "' is not a TLS choice; use 1.2, 1.3 or both");
        }
    }
}
