package dev.staplescan.scan;

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

    /** The version for a JSSE protocol name, or {@code null} for one we do not ask for. */
    public static TlsVersion fromJsse(String name) {
        for (TlsVersion v : values()) {
            if (v.jsseName.equals(name)) {
                return v;
            }
        }
        return null;
    }
}
