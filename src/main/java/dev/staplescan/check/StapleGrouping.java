package dev.staplescan.check;

import dev.staplescan.ocsp.IssuerSource;
import dev.staplescan.ocsp.ParseStatus;
import dev.staplescan.ocsp.StapleVerification;
import dev.staplescan.ocsp.StapleVerifier;
import dev.staplescan.scan.Handshake;
import dev.staplescan.scan.Outcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Groups reached handshakes by (chain, staple bytes) and verifies each distinct staple once. */
final class StapleGrouping {

    private StapleGrouping() {}

    static List<ServedStaple> group(
            List<Handshake> reached,
            Map<Integer, PresentedChain> chains,
            Instant now,
            Policy policy,
            StapleVerifier verifier) {
        Map<String, List<Handshake>> groups = new LinkedHashMap<>();
        Map<String, StapleVerification> verifications = new HashMap<>();
        for (Handshake h : reached) {
            PresentedChain chain = chains.get(h.sequence());
            String chainKey = chain == null ? "none" : chain.facts().key();
            String key;
            if (h.outcome() == Outcome.STAPLE_MALFORMED) {
                // Our client refused the staple; the bytes, if captured at all, are not needed to say so.
                key = chainKey + "/aborted";
                IssuerSource source = chain == null
                        ? IssuerSource.NOT_FOUND
                        : chain.facts().issuer().source();
                verifications.putIfAbsent(
                        key,
                        StapleVerification.malformed(
                                ParseStatus.MALFORMED,
                                "the client aborted the handshake over the staple: " + firstLine(h.error()),
                                source));
            } else if (h.stapled() && chain != null) {
                key = chainKey + "/" + Arrays.hashCode(h.staple()) + "/" + h.staple().length;
                key = dedupe(key, h.staple(), groups);
                if (!verifications.containsKey(key)) {
                    verifications.put(
                            key,
                            verifier.check(
                                    h.staple(), chain.leaf(), chain.facts().issuer(), now, policy.clockSkew()));
                }
            } else {
                // No staple, or a completed handshake without a chain (nothing to verify it against).
                continue;
            }
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(h);
        }
        List<ServedStaple> out = new ArrayList<>();
        groups.forEach((key, hs) -> out.add(
                new ServedStaple(verifications.get(key), chains.get(hs.get(0).sequence()), hs)));
        return out;
    }

    /** Hash collisions between different staples must not merge them: compare the bytes. */
    private static String dedupe(String key, byte[] staple, Map<String, List<Handshake>> groups) {
        String candidate = key;
        int n = 0;
        while (groups.containsKey(candidate)
                && !Arrays.equals(groups.get(candidate).get(0).staple(), staple)) {
            n++;
            candidate = key + "#" + n;
        }
        return candidate;
    }

    private static String firstLine(String error) {
        return error == null ? "(no detail)" : error.lines().findFirst().orElse("");
    }
}
