package dev.staplescan.check;

import dev.staplescan.cert.HostnameMatcher;
import dev.staplescan.ocsp.SignatureCache;
import dev.staplescan.ocsp.StapleVerifier;
import dev.staplescan.scan.Handshake;
import dev.staplescan.scan.Observation;
import dev.staplescan.scan.Outcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What checks read: the observation plus everything derived from it once (parsed chains, trust,
 * hostname match, Must-Staple, OCSP URLs, verified staples, verified live responder answers), judged
 * at one instant. Checks never
 * parse or verify anything themselves. Immutable.
 */
public final class Evidence {

    private final Observation observation;
    private final Instant now;
    private final List<Handshake> reached;
    private final List<PresentedChain> chains;
    private final Map<Integer, PresentedChain> chainBySequence;
    private final List<ServedStaple> staples;
    private final List<LiveAnswer> liveAnswers;

    private Evidence(
            Observation observation,
            Instant now,
            List<Handshake> reached,
            List<PresentedChain> chains,
            Map<Integer, PresentedChain> chainBySequence,
            List<ServedStaple> staples,
            List<LiveAnswer> liveAnswers) {
        this.observation = observation;
        this.now = now;
        this.reached = List.copyOf(reached);
        this.chains = List.copyOf(chains);
        this.chainBySequence = Map.copyOf(chainBySequence);
        this.staples = List.copyOf(staples);
        this.liveAnswers = List.copyOf(liveAnswers);
    }

    /** Evidence without a cache: every chain is validated afresh (tests, one-off assessments). */
    public static Evidence of(Observation observation, Instant now, Policy policy, TrustAnchors anchors) {
        return of(
                observation, now, policy, der -> ChainFacts.of(der, anchors), new StapleVerifier(SignatureCache.NONE));
    }

    /**
     * Derives the evidence of one observation.
     *
     * @param chainFacts derives (or looks up) the clock-independent facts of a chain given as DER
     * @param verifier   verifies staples (and may remember signature verifications)
     */
    public static Evidence of(
            Observation observation,
            Instant now,
            Policy policy,
            Function<List<byte[]>, ChainFacts> chainFacts,
            StapleVerifier verifier) {
        List<Handshake> reached =
                observation.handshakes().stream().filter(Evidence::reached).toList();

        Map<String, List<Handshake>> byChain = new LinkedHashMap<>();
        Map<String, List<byte[]>> derByKey = new HashMap<>();
        for (Handshake h : reached) {
            if (!h.chain().isEmpty()) {
                String key = ChainFacts.key(h.chain());
                byChain.computeIfAbsent(key, k -> new ArrayList<>()).add(h);
                derByKey.putIfAbsent(key, h.chain());
            }
        }
        List<PresentedChain> chains = new ArrayList<>();
        Map<Integer, PresentedChain> chainBySequence = new HashMap<>();
        for (Map.Entry<String, List<Handshake>> e : byChain.entrySet()) {
            ChainFacts facts = chainFacts.apply(derByKey.get(e.getKey()));
            PresentedChain chain = PresentedChain.judge(
                    facts, now, HostnameMatcher.match(observation.target().expectedName(), facts.leaf()), e.getValue());
            chains.add(chain);
            e.getValue().forEach(h -> chainBySequence.put(h.sequence(), chain));
        }
        List<ServedStaple> staples = StapleGrouping.group(reached, chainBySequence, now, policy, verifier);
        List<LiveAnswer> live = LiveAnswers.judge(observation.responderAnswers(), chains, policy, verifier);
        return new Evidence(observation, now, reached, chains, chainBySequence, staples, live);
    }

    /** A handshake counts as reaching the server when it completed or was aborted over the staple. */
    static boolean reached(Handshake h) {
        return h.outcome() == Outcome.OK || h.outcome() == Outcome.STAPLE_MALFORMED;
    }

    public Observation observation() {
        return observation;
    }

    /** The instant everything is judged at. */
    public Instant now() {
        return now;
    }

    /** Handshakes that completed, or were aborted by the client over a malformed staple; in order. */
    public List<Handshake> reached() {
        return reached;
    }

    /** True when at least one handshake reached the server: the endpoint can be assessed. */
    public boolean reachable() {
        return !reached.isEmpty();
    }

    /** Distinct chains presented, in order of first appearance. */
    public List<PresentedChain> chains() {
        return chains;
    }

    /** The first chain presented, if any. */
    public Optional<PresentedChain> primaryChain() {
        return chains.isEmpty() ? Optional.empty() : Optional.of(chains.get(0));
    }

    /** The chain a reached handshake presented, if it recorded one. */
    public Optional<PresentedChain> chainOf(Handshake h) {
        return Optional.ofNullable(chainBySequence.get(h.sequence()));
    }

    /** Distinct staples served (including malformed ones the client aborted over), in order of first appearance. */
    public List<ServedStaple> staples() {
        return staples;
    }

    /**
     * The live responder answers, judged, one per distinct leaf queried; empty when the query was off
     * or no leaf names a responder.
     */
    public List<LiveAnswer> liveAnswers() {
        return liveAnswers;
    }

    /** True when the server stapled something (valid or not) on this reached handshake. */
    public static boolean stapled(Handshake h) {
        return h.outcome() == Outcome.STAPLE_MALFORMED || (h.completed() && h.stapled());
    }
}
