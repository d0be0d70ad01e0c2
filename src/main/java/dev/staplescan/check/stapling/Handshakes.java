package dev.staplescan.check.stapling;

import dev.staplescan.check.Evidence;
import dev.staplescan.scan.Handshake;
import java.util.List;
import java.util.stream.Collectors;

/** Wording shared by the stapling checks: counts of handshakes per version ({@link Handshake#version()}). */
final class Handshakes {

    private Handshakes() {}

    /** {@code 4 handshakes (TLSv1.3 x2, TLSv1.2 x2)}. */
    static String describe(List<Handshake> handshakes) {
        String versions = Handshake.byVersion(handshakes).entrySet().stream()
                .map(en -> en.getKey().jsseName() + " x" + en.getValue().size())
                .collect(Collectors.joining(", "));
        return handshakes.size() + (handshakes.size() == 1 ? " handshake" : " handshakes") + " (" + versions + ")";
    }

    /** {@code yes,no,no}: whether each handshake stapled, in order. */
    static String pattern(List<Handshake> handshakes) {
        return handshakes.stream().map(h -> Evidence.stapled(h) ? "yes" : "no").collect(Collectors.joining(","));
    }
}
