package dev.staplescan.scan;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A block of IP addresses in CIDR notation ({@code 10.0.0.0/8}, {@code fd00::/8}; a single address
 * without a prefix is a block of one). Immutable; equal when network and prefix are.
 */
public final class AddressBlock {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private final byte[] network;
    private final int prefix;

    private AddressBlock(byte[] network, int prefix) {
        this.network = network.clone();
        this.prefix = prefix;
    }

    /**
     * Reads {@code address/prefix} or one address. IPv4 in dotted-quad form only: a rule is written by
     * an operator, and the URL spellings an attacker might use are normalised before matching.
     *
     * @throws IllegalArgumentException saying what is wrong, e.g. host bits set after the prefix
     */
    public static AddressBlock parse(String text) {
        String t = text.strip();
        int slash = t.indexOf('/');
        String address = slash < 0 ? t : t.substring(0, slash);
        if (address.startsWith("[") && address.endsWith("]")) {
            address = address.substring(1, address.length() - 1);
        }
        byte[] bytes = literal(address)
                .orElseThrow(() -> new IllegalArgumentException("'" + text + "' is not an IP address or CIDR block"))
                .getAddress();
        int max = bytes.length * 8;
        int prefix = max;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(t.substring(slash + 1));
            } catch (NumberFormatException e) {
                prefix = -1; // refused below, with the allowed range
            }
            if (prefix < 0 || prefix > max) {
                throw new IllegalArgumentException(
                        "'" + text + "': the prefix length must be a number from 0 to " + max);
            }
        }
        AddressBlock block = new AddressBlock(bytes, prefix);
        if (!Arrays.equals(block.masked(bytes), bytes)) {
            throw new IllegalArgumentException("'" + text + "' has bits set after the /" + prefix
                    + " prefix; did you mean " + new AddressBlock(block.masked(bytes), prefix) + "?");
        }
        return block;
    }

    /** An IPv4 dotted quad or IPv6 literal as an address, without any name lookup. */
    static Optional<InetAddress> literal(String text) {
        if (!IPV4.matcher(text).matches() && !IPV6.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            // Only literals reach here (the patterns above), so getByName parses and never asks DNS.
            return Optional.of(InetAddress.getByName(text));
        } catch (UnknownHostException e) {
            // Looked like a literal but is not one (999.1.1.1, 1:2:3).
            return Optional.empty();
        }
    }

    /** Whether the address is in this block (an IPv4 address is never in an IPv6 block, nor the reverse). */
    public boolean contains(InetAddress address) {
        byte[] a = address.getAddress();
        return a.length == network.length && Arrays.equals(masked(a), network);
    }

    public int prefix() {
        return prefix;
    }

    private byte[] masked(byte[] address) {
        byte[] out = address.clone();
        for (int bit = prefix; bit < out.length * 8; bit++) {
            out[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AddressBlock other && prefix == other.prefix && Arrays.equals(network, other.network);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(network) + prefix;
    }

    /** {@code 10.0.0.0/8}, {@code fd00:ec2::254/128}: the canonical text. */
    @Override
    public String toString() {
        try {
            InetAddress a = InetAddress.getByAddress(network);
            String host = a instanceof Inet6Address ? compress(a.getHostAddress()) : a.getHostAddress();
            return host + "/" + prefix;
        } catch (UnknownHostException e) {
            throw new IllegalStateException("a 4- or 16-byte network is always an address", e);
        }
    }

    /** The JDK writes {@code fd00:ec2:0:0:0:0:0:254}; RFC 5952 writes {@code fd00:ec2::254}. */
    private static String compress(String full) {
        String[] groups = full.split(":", -1);
        int bestStart = -1;
        int bestLength = 1; // RFC 5952 4.2.2: a single zero group is not compressed
        for (int i = 0; i < groups.length; ) {
            int j = i;
            while (j < groups.length && groups[j].equals("0")) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        if (bestStart < 0) {
            return full;
        }
        String head = String.join(":", Arrays.copyOfRange(groups, 0, bestStart));
        String tail = String.join(":", Arrays.copyOfRange(groups, bestStart + bestLength, groups.length));
        return head + "::" + tail;
    }
}
