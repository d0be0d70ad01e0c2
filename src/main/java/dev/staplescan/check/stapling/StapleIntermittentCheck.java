package dev.staplescan.check.stapling;

import dev.staplescan.check.Check;
import dev.staplescan.check.Evidence;
import dev.staplescan.check.Policy;
import dev.staplescan.scan.Handshake;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * STAPLE_INTERMITTENT: on the same address and TLS version, some handshakes carried a staple and
 * others did not: a cold cache after a restart, per-worker caches, or backends behind one address
 * that disagree. Addresses that consistently differ from each other are STAPLE_INCONSISTENT, and a
 * version that never staples is STAPLE_PROTOCOL_GAP.
 */
public final class StapleIntermittentCheck implements Check {

    @Override
    public void evaluate(Evidence e, Policy p, Consumer<String> report) {
        Map<String, List<Handshake>> groups = new LinkedHashMap<>();
        for (Handshake h : e.reached()) {
            groups.computeIfAbsent(h.address() + " " + h.version().jsseName(), k -> new ArrayList<>())
                    .add(h);
        }
        List<String> mixed = new ArrayList<>();
        for (Map.Entry<String, List<Handshake>> g : groups.entrySet()) {
            long stapled = g.getValue().stream().filter(Evidence::stapled).count();
            if (stapled > 0 && stapled < g.getValue().size()) {
                mixed.add("on " + g.getKey() + " " + stapled + " of "
                        + g.getValue().size() + " handshakes carried a staple (in order: "
                        + Handshakes.pattern(g.getValue()) + ")");
            }
        }
        if (!mixed.isEmpty()) {
            report.accept(mixed.get(0) + (mixed.size() > 1 ? "; likewise on " + (mixed.size() - 1) + " more" : ""));
        }
    }
}
