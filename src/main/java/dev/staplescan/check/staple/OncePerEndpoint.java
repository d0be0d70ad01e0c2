package dev.staplescan.check.staple;

import dev.staplescan.check.Evidence;
import dev.staplescan.check.ServedStaple;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Staple validity problems are reported once per endpoint, not once per handshake: five
 * handshakes carrying the same expired staple are one finding. The message describes the first
 * offending staple and says how many stapled handshakes were affected.
 */
final class OncePerEndpoint {

    private OncePerEndpoint() {}

    static void report(
            Evidence e,
            Predicate<ServedStaple> problem,
            Function<ServedStaple, String> describe,
            Consumer<String> out) {
        List<ServedStaple> bad = e.staples().stream().filter(problem).toList();
        if (bad.isEmpty()) {
            return;
        }
        int affected = bad.stream().mapToInt(s -> s.handshakes().size()).sum();
        long stapled = e.reached().stream().filter(Evidence::stapled).count();
        String distinct = bad.size() > 1 ? ", " + bad.size() + " distinct staples" : "";
        out.accept(describe.apply(bad.get(0)) + " (" + affected + " of " + stapled + " stapled handshakes" + distinct
                + ")");
    }
}
