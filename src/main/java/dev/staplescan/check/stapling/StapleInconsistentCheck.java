package dev.staplescan.check.stapling;

import dev.staplescan.check.Check;
import dev.staplescan.check.Evidence;
import dev.staplescan.check.Fmt;
import dev.staplescan.check.Policy;
import dev.staplescan.check.PresentedChain;
import dev.staplescan.check.ServedStaple;
import dev.staplescan.ocsp.RevocationStatus;
import dev.staplescan.scan.Handshake;
import dev.staplescan.scan.TlsVersion;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * STAPLE_INCONSISTENT: the endpoint's addresses or backends disagree: they present different leaf
 * certificates, staple different statuses, or (for one TLS version) some addresses always staple
 * while others never do. One finding per endpoint listing every disagreement found.
 */
public final class StapleInconsistentCheck implements Check {

    @Override
    public void evaluate(Evidence e, Policy p, Consumer<String> report) {
        List<String> disagreements = new ArrayList<>();
        differentLeaves(e, disagreements);
        differentStatuses(e, disagreements);
        addressesDisagree(e, disagreements);
        if (!disagreements.isEmpty()) {
            report.accept(String.join("; ", disagreements));
        }
    }

    private static void differentLeaves(Evidence e, List<String> out) {
        Map<String, Set<String>> addressesBySerial = new LinkedHashMap<>();
        Set<X509Certificate> leaves = new LinkedHashSet<>();
        for (PresentedChain chain : e.chains()) {
            leaves.add(chain.leaf());
            addressesBySerial
                    .computeIfAbsent(Fmt.serial(chain.leaf().getSerialNumber()), k -> new LinkedHashSet<>())
                    .addAll(chain.handshakes().stream().map(Handshake::address).toList());
        }
        if (leaves.size() > 1) {
            List<String> parts = new ArrayList<>();
            addressesBySerial.forEach(
                    (serial, addresses) -> parts.add("serial " + serial + " on " + String.join(", ", addresses)));
            out.add("different certificates are presented: " + String.join(" vs ", parts));
        }
    }

    private static void differentStatuses(Evidence e, List<String> out) {
        Map<RevocationStatus, Integer> handshakesByStatus = new LinkedHashMap<>();
        for (ServedStaple s : e.staples()) {
            RevocationStatus status = s.verification().single().status();
            if (status != RevocationStatus.NOT_APPLICABLE) {
                handshakesByStatus.merge(status, s.handshakes().size(), Integer::sum);
            }
        }
        if (handshakesByStatus.size() > 1) {
            List<String> parts = new ArrayList<>();
            handshakesByStatus.forEach((status, n) -> parts.add(
                    status.name().toLowerCase(Locale.ROOT) + " on " + n + (n == 1 ? " handshake" : " handshakes")));
            out.add("staples disagree: " + String.join(" vs ", parts));
        }
    }

    private static void addressesDisagree(Evidence e, List<String> out) {
        for (Map.Entry<TlsVersion, List<Handshake>> byVersion :
                Handshake.byVersion(e.reached()).entrySet()) {
            TlsVersion v = byVersion.getKey();
            Set<String> always = new LinkedHashSet<>();
            Set<String> never = new LinkedHashSet<>();
            Map<String, List<Handshake>> byAddress = new LinkedHashMap<>();
            byVersion
                    .getValue()
                    .forEach(h -> byAddress
                            .computeIfAbsent(h.address(), k -> new ArrayList<>())
                            .add(h));
            byAddress.forEach((address, hs) -> {
                long stapled = hs.stream().filter(Evidence::stapled).count();
                if (stapled == hs.size()) {
                    always.add(address);
                } else if (stapled == 0) {
                    never.add(address);
                }
            });
            if (!always.isEmpty() && !never.isEmpty()) {
                out.add("under " + v.jsseName() + " " + String.join(", ", always) + " staple(s) but "
                        + String.join(", ", never) + " never do(es)");
            }
        }
    }
}
