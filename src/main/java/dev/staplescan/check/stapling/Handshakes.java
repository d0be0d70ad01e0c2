package dev.staplescan.check.stapling;

import dev.staplescan.check.Evidence;
import dev.staplescan.scan.Handshake;
import dev.staplescan.scan.TlsVersion;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Wording shared by the stapling checks: counts of handshakes per version. */
final class Handshakes {

    private Handshakes() {}

    /** {@code 4 handshakes (TLSv1.3 x2, TLSv1.2 x2)}. */
    static String describe(List<Handshake> handshakes) {
        Map<TlsVersion, Long> perVersion = new LinkedHashMap<>();
        for (TlsVersion v : TlsVersion.values()) {
            long n = handshakes.stream().filter(h -> Evidence.version(h) == v).count();
            if (n > 0) {
                perVersion.put(v, n);
            }
        }
        String versions = perVersion.entrySet().stream()
                .map(en -> en.getKey().jsseName() + " x" + en.getValue())
                .collect(Collectors.joining(", "));
        return handshakes.size() + (handshakes.size() == 1 ? " handshake" : " handshakes") + " (" + versions + ")";
    }

    /** {@code yes,no,no}: whether each handshake stapled, in order. */
    static String pattern(List<Handshake> handshakes) {
        return handshakes.stream().map(h -> Evidence.stapled(h) ? "yes" : "no").collect(Collectors.joining(","));
    }
}
