package dev.staplescan.check.stapling;

import dev.staplescan.check.Check;
import dev.staplescan.check.Evidence;
import dev.staplescan.check.Policy;
import dev.staplescan.scan.Handshake;
import dev.staplescan.scan.TlsVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * STAPLE_PROTOCOL_GAP: handshakes under one TLS version carried a staple, while every completed
 * handshake under another version carried none. Stapling travels differently in TLS 1.2
 * (CertificateStatus message, RFC 6066 section 8) and TLS 1.3 (CertificateEntry extension,
 * RFC 8446 section 4.4.2.1), so servers and libraries can get one right and not the other.
 */
public final class StapleProtocolGapCheck implements Check {

    @Override
    public void evaluate(Evidence e, Policy p, Consumer<String> report) {
        List<String> stapling = new ArrayList<>();
        List<String> bare = new ArrayList<>();
        for (Map.Entry<TlsVersion, List<Handshake>> byVersion :
                Handshake.byVersion(e.reached()).entrySet()) {
            TlsVersion v = byVersion.getKey();
            List<Handshake> under = byVersion.getValue();
            String description =
                    v.jsseName() + " (" + under.size() + (under.size() == 1 ? " handshake)" : " handshakes)");
            if (under.stream().anyMatch(Evidence::stapled)) {
                stapling.add(description);
            } else {
                bare.add(description);
            }
        }
        if (!stapling.isEmpty() && !bare.isEmpty()) {
            report.accept("the server staples under " + String.join(", ", stapling) + " but not under "
                    + String.join(", ", bare));
        }
    }
}
