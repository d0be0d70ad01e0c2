package dev.staplescan.check;

import dev.staplescan.cache.OnceCache;
import dev.staplescan.ocsp.SignatureCache;
import dev.staplescan.ocsp.StapleVerifier;
import dev.staplescan.scan.Observation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Turns an {@link Observation} into an {@link Assessment} under a policy (SPEC §2, "observe, then
 * assess"): builds the {@link Evidence}, runs every {@link Check}, applies the policy's
 * severities, orders the findings most severe first and decides the verdict. Pure (no network,
 * no clock of its own) and thread-safe; meant to be shared by all scan threads, so that the
 * chain-validation cache is shared too.
 */
public final class Assessor {

    /** Distinct chains kept; a chain's facts are a few kilobytes. */
    public static final int DEFAULT_CACHE_SIZE = 10_000;

    private static final Comparator<Finding> MOST_SEVERE_FIRST =
            Comparator.comparing(Finding::severity).thenComparing(Finding::code).thenComparing(Finding::message);

    private final TrustAnchors anchors;
    private final Policy policy;
    private final List<Checks.Registered> checks;
    private final OnceCache<String, ChainFacts> chainCache;
    private final StapleVerifier stapleVerifier;

    /** An assessor running {@link Checks#all()} with the default cache size. */
    public Assessor(TrustAnchors anchors, Policy policy) {
        this(anchors, policy, Checks.all(), DEFAULT_CACHE_SIZE);
    }

    /**
     * @param anchors   what chains must lead to
     * @param policy    severities and thresholds
     * @param checks    the checks to run (normally {@link Checks#all()})
     * @param cacheSize how many distinct chains to keep validated (and, times four, how many
     *                  signature verifications to remember: a staple and a delegate per chain, with room to spare)
     */
    public Assessor(TrustAnchors anchors, Policy policy, List<Checks.Registered> checks, int cacheSize) {
        this.anchors = anchors;
        this.policy = policy;
        this.checks = List.copyOf(checks);
        this.chainCache = new OnceCache<>(cacheSize);
        this.stapleVerifier = new StapleVerifier(new SignatureCache(cacheSize * 4));
    }

    /**
     * Assesses at the instant the observation was made ({@code startedAt}): a staple that was
     * current when scanned stays current when an old run is re-assessed under a new policy.
     */
    public Assessment assess(Observation observation) {
        return assess(observation, observation.startedAt());
    }

    /** Assesses at a given instant. */
    public Assessment assess(Observation observation, Instant now) {
        Evidence evidence = Evidence.of(
                observation,
                now,
                policy,
                der -> chainCache.get(ChainFacts.key(der), key -> ChainFacts.of(der, anchors)),
                stapleVerifier);
        if (!evidence.reachable()) {
            Optional<Finding> reachability = Reachability.finding(observation, policy);
            return new Assessment(Verdict.ERROR, reachability.map(List::of).orElse(List.of()), EndpointFacts.unknown());
        }
        List<Finding> findings = new ArrayList<>();
        for (Checks.Registered registered : checks) {
            FindingCode code = registered.code();
            registered.check().evaluate(evidence, policy, message -> findings.add(Finding.of(code, policy, message)));
        }
        findings.sort(MOST_SEVERE_FIRST);
        return new Assessment(verdict(findings), findings, Facts.of(evidence));
    }

    static Verdict verdict(List<Finding> findings) {
        if (findings.stream().anyMatch(f -> f.severity().atLeast(Severity.HIGH))) {
            return Verdict.FAIL;
        }
        if (findings.stream().anyMatch(f -> f.severity().atLeast(Severity.LOW))) {
            return Verdict.WARN;
        }
        return Verdict.PASS;
    }

    public Policy policy() {
        return policy;
    }

    public TrustAnchors anchors() {
        return anchors;
    }

    /** How many distinct chains were validated so far (cache misses), for benchmarks and tests. */
    public long chainValidations() {
        return chainCache.computations();
    }
}
