package dev.staplescan.scan;

import java.net.InetAddress;
import java.util.List;
import java.util.Locale;

/**
 * One entry of {@code --responder-allow} or {@code --responder-deny}: an address block
 * ({@code 10.0.0.0/8}, {@code 192.0.2.7}, {@code fd00::/8}), a host name ({@code ocsp.example.com}),
 * every name under a domain ({@code *.example.com}), or a named set of blocks ({@code loopback},
 * {@code private}). Names are matched against the host of the responder URL as written in the
 * certificate; blocks against every address that host stands for.
 */
public sealed interface HostRule {

    /** {@code 127.0.0.0/8} and {@code ::1}. */
    List<AddressBlock> LOOPBACK = List.of(AddressBlock.parse("127.0.0.0/8"), AddressBlock.parse("::1/128"));

    /**
     * RFC 1918 ({@code 10/8}, {@code 172.16/12}, {@code 192.168/16}), the shared address space of
     * RFC 6598 ({@code 100.64/10}) and IPv6 unique local addresses ({@code fc00::/7}).
     */
    List<AddressBlock> PRIVATE = List.of(
            AddressBlock.parse("10.0.0.0/8"),
            AddressBlock.parse("172.16.0.0/12"),
            AddressBlock.parse("192.168.0.0/16"),
            AddressBlock.parse("100.64.0.0/10"),
            AddressBlock.parse("fc00::/7"));

    /** The rule as it is written in canonical form. */
    String text();

    /** Whether the rule names this host name (lower case, no trailing dot); never for an IP literal. */
    default boolean matchesName(String name) {
        return false;
    }

    /** Whether the rule covers this address. */
    default boolean matchesAddress(InetAddress address) {
        return false;
    }

    /** An address block. */
    record Block(AddressBlock block) implements HostRule {
        @Override
        public String text() {
            return block.toString();
        }

        @Override
        public boolean matchesAddress(InetAddress address) {
            return block.contains(address);
        }
    }

    /**
     * A host name, or with {@code subdomains} every name below it ({@code *.example.com}: not
     * {@code example.com} itself).
     */
    record Name(String name, boolean subdomains) implements HostRule {
        @Override
        public String text() {
            return subdomains ? "*." + name : name;
        }

        @Override
        public boolean matchesName(String host) {
            return subdomains ? host.endsWith("." + name) : host.equals(name);
        }
    }

    /** A named set of blocks: {@code loopback} or {@code private}. */
    record Named(String keyword, List<AddressBlock> blocks) implements HostRule {
        @Override
        public String text() {
            return keyword;
        }

        @Override
        public boolean matchesAddress(InetAddress address) {
            return blocks.stream().anyMatch(b -> b.contains(address));
        }
    }

    /**
     * Reads one rule.
     *
     * @throws IllegalArgumentException saying what is allowed
     */
    static HostRule parse(String text) {
        String t = text.strip();
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.equals("loopback")) {
            return new Named("loopback", LOOPBACK);
        }
        if (lower.equals("private")) {
            return new Named("private", PRIVATE);
        }
        if (t.indexOf('/') >= 0
                || t.indexOf(':') >= 0
                || AddressBlock.literal(t).isPresent()) {
            return new Block(AddressBlock.parse(t));
        }
        boolean subdomains = lower.startsWith("*.");
        String name = HostNames.normalName(subdomains ? lower.substring(2) : lower);
        if (name == null || HostNames.endsInNumber(name)) {
            throw new IllegalArgumentException("'" + text + "' is neither an address block (10.0.0.0/8, fd00::/8), "
                    + "a host name (ocsp.example.com, *.example.com), loopback nor private");
        }
        return new Name(name, subdomains);
    }
}
