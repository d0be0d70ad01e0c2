package dev.staplescan.check;

import dev.staplescan.ocsp.RevocationStatus;
import dev.staplescan.ocsp.SingleResponseCheck;
import dev.staplescan.scan.Handshake;
import dev.staplescan.scan.TlsVersion;
import java.security.cert.X509Certificate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Fills {@link EndpointFacts} from the evidence: the first chain and the first usable staple. */
final class Facts {

    private Facts() {}

    static EndpointFacts of(Evidence e) {
        if (!e.reachable()) {
            return EndpointFacts.unknown();
        }
        Set<String> protocols = new LinkedHashSet<>();
        for (TlsVersion v : TlsVersion.values()) {
            for (Handshake h : e.reached()) {
                if (h.completed() && v.jsseName().equals(h.protocol())) {
                    protocols.add(v.jsseName());
                }
            }
        }
        e.reached().stream()
                .filter(Handshake::completed)
                .map(Handshake::protocol)
                .filter(p -> p != null)
                .forEach(protocols::add);
        boolean stapled = e.reached().stream().anyMatch(Evidence::stapled);
        Map<TlsVersion, List<Handshake>> byVersion = Handshake.byVersion(e.reached());
        Optional<SingleResponseCheck> single = e.staples().stream()
                .map(s -> s.verification().single())
                .filter(s -> s.match().usable())
                .findFirst();
        String status = single.map(s -> s.status() == RevocationStatus.NOT_APPLICABLE
                        ? null
                        : s.status().name().toLowerCase(Locale.ROOT))
                .orElse(null);
        Optional<ChainFacts> chain = e.primaryChain().map(PresentedChain::facts);
        X509Certificate leaf = chain.map(ChainFacts::leaf).orElse(null);
        return new EndpointFacts(
                protocols.isEmpty() ? null : String.join(";", protocols),
                stapled,
                status,
                single.map(SingleResponseCheck::thisUpdate).orElse(null),
                single.map(SingleResponseCheck::nextUpdate).orElse(null),
                leaf == null ? null : leaf.getNotAfter().toInstant(),
                chain.map(ChainFacts::mustStaple).orElse(null),
                leaf == null ? null : leaf.getSubjectX500Principal().getName(),
                leaf == null ? null : leaf.getIssuerX500Principal().getName(),
                leaf == null ? null : Fmt.serial(leaf.getSerialNumber()),
                chain.flatMap(c -> c.ocspUrls().stream().findFirst()).orElse(null),
                stapledUnder(byVersion, TlsVersion.TLS_1_3),
                stapledUnder(byVersion, TlsVersion.TLS_1_2));
    }

    /**
     * Whether a reached handshake that ran under this version ({@link Handshake#version()}) stapled;
     * {@code null} if none ran under it.
     */
    private static Boolean stapledUnder(Map<TlsVersion, List<Handshake>> byVersion, TlsVersion version) {
        List<Handshake> ofVersion = byVersion.get(version);
        return ofVersion == null ? null : ofVersion.stream().anyMatch(Evidence::stapled);
    }
}
