package dev.staplescan.scan;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where live OCSP queries may go (SPEC §11). The URL comes from a certificate, so without a rule a
 * server on the host list could make the scanner POST to any address it can reach. Three layers, the
 * first that refuses wins:
 *
 * <ol>
 *   <li>Never, whatever the rules say: unspecified ({@code 0.0.0.0/8}, {@code ::}), link-local
 *       ({@code 169.254.0.0/16}, {@code fe80::/10}: cloud metadata services live there), multicast,
 *       reserved and broadcast addresses, IETF protocol assignments ({@code 192.0.0.0/24}) and the
 *       other known cloud metadata and platform addresses ({@link #NEVER}).</li>
 *   <li>{@code deny}: a host name or address matching any deny rule is refused.</li>
 *   <li>{@code allow}: when there are allow rules, the URL's host name must match one, or every
 *       address it stands for must. Without allow rules, every address not refused above is allowed:
 *       public, private ({@code 10/8}, {@code 172.16/12}, {@code 192.168/16}, {@code fc00::/7}) and
 *       loopback, so a private PKI's responder on an internal address works out of the box. That
 *       default is safe only together with the other rule of the probe: a responder is asked only
 *       about a chain that validates to a trust anchor, so only a CA you trust picks the URL.</li>
 * </ol>
 *
 * <p>Every address is checked, and so is the IPv4 address inside an IPv4-mapped, IPv4-compatible,
 * NAT64 ({@code 64:ff9b::/96}) or 6to4 ({@code 2002::/16}) IPv6 address. Immutable.
 *
 * @param allow the allow rules; none: every address not refused otherwise
 * @param deny  the deny rules; they win over allow rules
 */
public record ResponderPolicy(HostRules allow, HostRules deny) {

    /** A block that is never queried, and why. */
    record Never(AddressBlock block, String why) {
        Never(String cidr, String why) {
            this(AddressBlock.parse(cidr), why);
        }
    }

    /** Never queried, whatever the rules: no OCSP responder lives there, and some hold credentials. */
    static final List<Never> NEVER = List.of(
            new Never("0.0.0.0/8", "an unspecified address"),
            new Never("169.254.0.0/16", "a link-local address (cloud metadata services live there)"),
            new Never("192.0.0.0/24", "an IETF protocol assignment address (Oracle Cloud metadata was there)"),
            new Never("100.100.100.200/32", "a cloud metadata address (Alibaba Cloud)"),
            new Never("168.63.129.16/32", "a cloud platform address (Azure WireServer)"),
            new Never("224.0.0.0/4", "a multicast address"),
            new Never("240.0.0.0/4", "a reserved or broadcast address"),
            new Never("::/128", "an unspecified address"),
            new Never("fe80::/10", "a link-local address"),
            new Never("fd00:ec2::254/128", "a cloud metadata address (AWS, IPv6)"),
            new Never("ff00::/8", "a multicast address"));

    /** What the policy decided about one URL. */
    public record Decision(boolean allowed, String reason) {
        static final Decision ALLOWED = new Decision(true, "");

        static Decision refused(String reason) {
            return new Decision(false, reason);
        }
    }

    public ResponderPolicy {
        Objects.requireNonNull(allow, "allow");
        Objects.requireNonNull(deny, "deny");
    }

    /** No allow or deny rules: everything but the never-queried addresses. */
    public static ResponderPolicy defaults() {
        return new ResponderPolicy(HostRules.NONE, HostRules.NONE);
    }

    /** Both policies' rules together (the run's settings and its policy file). */
    public ResponderPolicy plus(ResponderPolicy other) {
        return new ResponderPolicy(allow.plus(other.allow), deny.plus(other.deny));
    }

    /**
     * Decides by the host name alone, before any lookup: a name matching a deny rule is refused
     * without even asking DNS about it.
     *
     * @param name the URL's host name as {@link HostNames#normalName} gives it
     */
    public Decision checkName(String name) {
        return deny.rules().stream()
                .filter(r -> r.matchesName(name))
                .findFirst()
                .map(r -> Decision.refused("host " + name + " matches the responder deny rule " + r.text()))
                .orElse(Decision.ALLOWED);
    }

    /**
     * Decides about a URL's host and every address it stands for; all must pass.
     *
     * @param name      the host name, or {@code null} when the URL names an address
     * @param addresses every address of the host (the literal's one, or all the resolver gave)
     */
    public Decision check(String name, List<InetAddress> addresses) {
        if (name != null) {
            Decision byName = checkName(name);
            if (!byName.allowed()) {
                return byName;
            }
        }
        for (InetAddress a : addresses) {
            for (InetAddress form : forms(a)) {
                String shown = shown(a, form);
                for (Never n : NEVER) {
                    if (n.block().contains(form)) {
                        return Decision.refused(shown + " is " + n.why() + ", never queried");
                    }
                }
                for (HostRule r : deny.rules()) {
                    if (r.matchesAddress(form)) {
                        return Decision.refused(shown + " matches the responder deny rule " + r.text());
                    }
                }
            }
        }
        if (allow.isEmpty() || (name != null && allow.rules().stream().anyMatch(r -> r.matchesName(name)))) {
            return Decision.ALLOWED;
        }
        for (InetAddress a : addresses) {
            if (forms(a).stream().noneMatch(f -> allow.rules().stream().anyMatch(r -> r.matchesAddress(f)))) {
                return Decision.refused((name == null ? "" : "host " + name + ", ") + a.getHostAddress()
                        + ", is not in the responder allow-list (" + allow + ")");
            }
        }
        return Decision.ALLOWED;
    }

    /** The address, and the IPv4 address an IPv6 address carries (mapped, compatible, NAT64, 6to4). */
    static List<InetAddress> forms(InetAddress a) {
        List<InetAddress> out = new ArrayList<>(2);
        out.add(a);
        embeddedIpv4(a).ifPresent(out::add);
        return out;
    }

    private static Optional<InetAddress> embeddedIpv4(InetAddress a) {
        if (!(a instanceof Inet6Address)) {
            return Optional.empty();
        }
        byte[] b = a.getAddress();
        int from;
        if (zero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            from = 12; // ::ffff:a.b.c.d, IPv4-mapped (RFC 4291 2.5.5.2)
        } else if (zero(b, 0, 12) && !zero(b, 12, 15)) {
            from = 12; // ::a.b.c.d, IPv4-compatible (deprecated, RFC 4291 2.5.5.1); not :: or ::1
        } else if (b[0] == 0 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b && zero(b, 4, 12)) {
            from = 12; // 64:ff9b::a.b.c.d, NAT64 well-known prefix (RFC 6052)
        } else if (b[0] == 0x20 && b[1] == 0x02) {
            from = 2; // 2002:aabb:ccdd::, 6to4 (RFC 3056)
        } else {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByAddress(new byte[] {b[from], b[from + 1], b[from + 2], b[from + 3]}));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }

    private static boolean zero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static String shown(InetAddress address, InetAddress form) {
        return form.equals(address)
                ? address.getHostAddress()
                : address.getHostAddress() + " (carrying " + form.getHostAddress() + ")";
    }
}
