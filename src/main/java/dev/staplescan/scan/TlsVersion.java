package dev.staplescan.scan;

import java.util.Arrays;
import java.util.Optional;

/** The TLS versions a scan asks for. Order matters: the scanner tries them in this order. */
public enum TlsVersion {
    TLS_1_3("TLSv1.3"),
    TLS_1_2("TLSv1.2");

    private final String jsseName;

    TlsVersion(String jsseName) {
        this.jsseName = jsseName;
    }

    /** The protocol name JSSE uses ({@code TLSv1.3}). */
    public String jsseName() {
        return jsseName;
    }

    /** The version for a JSSE protocol name; empty for one we do not ask for (e.g. {@code TLSv1.1}). */
    public static Optional<TlsVersion> fromJsse(String name) {
        return Arrays.stream(values()).filter(v -> v.jsseName.equals(name)).findFirst();
    }
}
