package dev.staplescan.report;

import dev.staplescan.check.Verdict;
import dev.staplescan.input.Target;

/**
 * One endpoint's change since the previous run, for the report's "changes" section.
 *
 * @param kind        what kind of change it is
 * @param host        host as in the host list
 * @param port        TCP port
 * @param sni         the server name sent; "" when none was sent (an IP-only target)
 * @param owner       owner in the newer of the two runs that have it ("" when none given)
 * @param environment environment in the newer of the two runs that have it ("" when none given)
 * @param before      verdict in the previous run; {@code null} when the endpoint was not in it ({@link ChangeKind#ADDED})
 * @param after       verdict in this run; {@code null} when it is not in this run ({@link ChangeKind#REMOVED})
 * @param codesBefore finding codes in the previous run, {@code ;}-separated ("" when none or not in it)
 * @param codesAfter  finding codes in this run, {@code ;}-separated ("" when none or not in it)
 */
public record EndpointChange(
        ChangeKind kind,
        String host,
        int port,
        String sni,
        String owner,
        String environment,
        Verdict before,
        Verdict after,
        String codesBefore,
        String codesAfter) {

    /** The change of the endpoint {@code t} names (owner and environment as it gives them). */
    public static EndpointChange of(
            ChangeKind kind, Target t, Verdict before, Verdict after, String codesBefore, String codesAfter) {
        return new EndpointChange(
                kind, t.host(), t.port(), t.sni(), t.owner(), t.environment(), before, after, codesBefore, codesAfter);
    }

    /** The endpoint key {@code host:port:sni} (IPv6 hosts in brackets), as the report prints it. */
    public String key() {
        String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return h + ":" + port + (sni == null || sni.isEmpty() ? "" : ":" + sni);
    }
}
