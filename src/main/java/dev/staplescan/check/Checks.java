package dev.staplescan.check;

import java.util.Arrays;
import java.util.List;

/**
 * The registry of checks, derived from the catalogue: one shared instance of the check each
 * {@link FindingCode} entry names, in catalogue order. A new check is registered by naming it in its
 * code's entry; there is no list to keep here.
 *
 * <p>Why the catalogue names the check rather than {@link java.util.ServiceLoader} or class-path
 * scanning: the link is compile-checked, survives jar shading and native images without
 * configuration, gives a fixed order, and keeps "which check makes which code" in the one place
 * that declares the code. Reachability codes have no check: {@link Reachability} decides them in one
 * mapping.
 */
public final class Checks {

    private Checks() {}

    /** Every check with the code it reports, stateless and shareable across threads, in catalogue order. */
    public static List<Registered> all() {
        return Holder.ALL;
    }

    /**
     * A check and the one code it reports.
     *
     * @param code  the catalogue entry that names the check
     * @param check the shared instance
     */
    public record Registered(FindingCode code, Check check) {}

    /** Built on first use, after the catalogue itself is initialised (the checks refer back to it). */
    private static final class Holder {
        static final List<Registered> ALL = Arrays.stream(FindingCode.values())
                .flatMap(code -> code.newCheck().map(check -> new Registered(code, check)).stream())
                .toList();
    }
}
