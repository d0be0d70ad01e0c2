package dev.staplescan.scan;

import java.net.IDN;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the host of a responder URL stands for, decided without DNS: an IP address however it is
 * spelled, or a host name in the one form rules are compared in. URLs come from certificates, so the
 * spellings a forger would use to slip past an address check are normalised here first, as browsers
 * do (WHATWG URL Standard, "IPv4 parser"): {@code 2130706433} (one 32-bit number), {@code 0x7f.1}
 * and {@code 0177.0.0.1} (hex and octal parts, fewer than four parts) are all {@code 127.0.0.1};
 * {@code [::ffff:127.0.0.1]} is IPv4-mapped and also {@code 127.0.0.1}. The address that is checked is
 * the address that is connected to, so no spelling can mean one thing to the check and another to the
 * connection.
 */
final class HostNames {

    /** LDH labels of 1 to 63 characters (underscores tolerated, as resolvers do), at most 253 in all. */
    private static final Pattern NAME = Pattern.compile(
            "(?=.{1,253}$)[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?(\\.[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)*");

    private static final Pattern NUMBER = Pattern.compile("[0-9]+|0[xX][0-9a-fA-F]*");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private HostNames() {}

    /**
     * The address a host written as an IP address stands for; empty for a host name.
     *
     * @param host the URL's host, IPv6 in brackets ({@code [::1]})
     * @throws IllegalArgumentException for a host that is written as a number but is no address
     *     ({@code 256.1.1.1}, {@code 1.2.3.4.5}, {@code 0x1g}), or an IPv6 literal with a zone
     */
    static Optional<InetAddress> address(String host) {
        if (host.startsWith("[")) {
            String inner = host.endsWith("]") ? host.substring(1, host.length() - 1) : "";
            if (!IPV6.matcher(inner).matches()) {
                throw new IllegalArgumentException("'" + host + "' is not an IPv6 address (zones are not allowed)");
            }
            try {
                // Only hex digits, colons and dots: getByName parses the literal and never asks DNS.
                // An IPv4-mapped literal (::ffff:a.b.c.d) comes back as the IPv4 address itself.
                return Optional.of(InetAddress.getByName(inner));
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("'" + host + "' is not an IPv6 address", e);
            }
        }
        return endsInNumber(host) ? Optional.of(ipv4(host)) : Optional.empty();
    }

    /**
     * Whether the last label is a number ({@code 1}, {@code 0x7f}), which makes the whole host an
     * IPv4 address rather than a name (WHATWG URL Standard, "ends in a number checker").
     */
    static boolean endsInNumber(String host) {
        String h = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        String last = h.substring(h.lastIndexOf('.') + 1);
        return !last.isEmpty() && NUMBER.matcher(last).matches();
    }

    /** Parses one to four dot-separated numbers, each decimal, octal (leading 0) or hex (0x). */
    private static InetAddress ipv4(String host) {
        String h = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        String[] parts = h.split("\\.", -1);
        if (parts.length > 4) {
            throw new IllegalArgumentException("'" + host + "' is not an IPv4 address (more than four parts)");
        }
        long[] numbers = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            numbers[i] = number(host, parts[i]);
            long max = i == parts.length - 1 ? (1L << (8 * (5 - parts.length))) - 1 : 255;
            if (numbers[i] > max) {
                throw new IllegalArgumentException("'" + host + "' is not an IPv4 address (a part is out of range)");
            }
        }
        long value = numbers[parts.length - 1];
        for (int i = 0; i < parts.length - 1; i++) {
            value += numbers[i] << (8 * (3 - i));
        }
        byte[] bytes = {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
        try {
            return Inet4Address.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }

    private static long number(String host, String part) {
        String p = part.toLowerCase(Locale.ROOT);
        int radix = 10;
        if (p.startsWith("0x")) {
            p = p.substring(2);
            radix = 16;
        } else if (p.length() > 1 && p.startsWith("0")) {
            p = p.substring(1);
            radix = 8;
        }
        if (p.isEmpty() && radix == 16) {
            return 0; // "0x" alone is zero, as in the WHATWG parser
        }
        if (p.isEmpty() || p.length() > 12) {
            throw new IllegalArgumentException("'" + host + "' is not an IPv4 address (an empty or overlong part)");
        }
        try {
            return Long.parseLong(p, radix);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + host + "' is not an IPv4 address ('" + part + "')", e);
        }
    }

    /** A host name in the form rules and URLs are compared in (ASCII, lower case, no trailing dot), or {@code null}. */
    static String normalName(String name) {
        String n = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        try {
            n = IDN.toASCII(n).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException notAName) {
            // IDNA refuses it (an empty label, a label over 63 characters, a forbidden code point).
            return null;
        }
        return NAME.matcher(n).matches() ? n : null;
    }
}
