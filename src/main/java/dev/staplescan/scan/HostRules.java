package dev.staplescan.scan;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A list of {@link HostRule}s, as given to {@code --responder-allow} or {@code --responder-deny}, a
 * job definition's {@code scan.responder-allow} or a policy file's {@code responder.allow}: comma
 * separated, in any order, duplicates dropped. Immutable; equal when the rules are.
 *
 * @param rules the rules, in the order given
 */
public record HostRules(List<HostRule> rules) {

    /** No rule. */
    public static final HostRules NONE = new HostRules(List.of());

    public HostRules {
        rules = List.copyOf(new LinkedHashSet<>(rules));
    }

    /**
     * Reads a comma-separated list (blank: none).
     *
     * @throws IllegalArgumentException naming the first entry that is no rule, and what is allowed
     */
    public static HostRules parse(String text) {
        List<HostRule> rules = new ArrayList<>();
        for (String entry : text.split(",", -1)) {
            if (!entry.isBlank()) {
                rules.add(HostRule.parse(entry));
            }
        }
        return new HostRules(rules);
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    /** These rules and then {@code other}'s. */
    public HostRules plus(HostRules other) {
        List<HostRule> all = new ArrayList<>(rules);
        all.addAll(other.rules);
        return new HostRules(all);
    }

    /** The canonical text, comma separated ({@code ""} for none); {@link #parse} reads it back. */
    @Override
    public String toString() {
        return rules.stream().map(HostRule::text).collect(Collectors.joining(","));
    }
}
