package dev.staplescan.input;

import java.net.IDN;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Validation of host names, IP literals and ports as they appear in host lists. Pure and
 * allocation-light: it runs once per line of lists with a million lines.
 */
final class HostSyntax {

    private static final Pattern IPV4 =
            Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    // RFC 1123 label: letters, digits, hyphen; not starting or ending with a hyphen.
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9a-fA-F:.]+");

    private HostSyntax() {}

    static boolean isIpv4(String s) {
        return IPV4.matcher(s).matches();
    }

    /** A plausible IPv6 literal (no brackets, no zone id): hex groups, at most one {@code ::}. */
    static boolean isIpv6(String s) {
        if (s.indexOf(':') < 0 || !IPV6_CHARS.matcher(s).matches()) {
            return false;
        }
        int doubleColon = s.indexOf("::");
        if (doubleColon >= 0 && s.indexOf("::", doubleColon + 1) >= 0) {
            return false;
        }
        String[] groups = s.split(":", -1);
        int max = s.contains(".") ? 7 : 8; // an embedded IPv4 tail takes two groups' room
        if (groups.length > max + 1 || (doubleColon < 0 && groups.length != max)) {
            return false;
        }
        for (int i = 0; i < groups.length; i++) {
            String g = groups[i];
            boolean last = i == groups.length - 1;
            if (g.isEmpty()) {
                continue; // part of "::" or a leading/trailing colon of it
            }
            if (last && g.contains(".")) {
                if (!isIpv4(g)) {
                    return false;
                }
            } else if (g.length() > 4 || g.contains(".")) {
                return false;
            }
        }
        return true;
    }

    static boolean isIpLiteral(String s) {
        return isIpv4(s) || isIpv6(s);
    }

    /**
     * Normalises a DNS name: lower case, trailing dot removed, internationalised names converted to
     * their ASCII (punycode) form. Returns {@code null} when the name is not a valid host name; the
     * reason is then given by {@link #whyNotAName(String)}.
     */
    static String normaliseName(String raw) {
        return whyNotAName(raw) == null ? toAscii(raw) : null;
    }

    /** Why {@code raw} is not a usable host name, or {@code null} when it is one. */
    static String whyNotAName(String raw) {
        if (raw.isEmpty()) {
            return "host is empty";
        }
        if (raw.contains("://")) {
            return "looks like a URL; give the host name (and :port), e.g. example.com:443";
        }
        if (raw.startsWith("*")) {
            return "a wildcard is not a host; list the concrete names to scan";
        }
        String ascii = toAscii(raw);
        if (ascii == null) {
            return "invalid host name '" + raw + "'";
        }
        if (ascii.length() > 253) {
            return "host name longer than 253 characters";
        }
        for (String label : ascii.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return "invalid host name '" + raw + "' (label '" + label + "')";
            }
        }
        if (ascii.chars().allMatch(c -> c == '.' || Character.isDigit(c))) {
            return "invalid IPv4 address '" + raw + "'";
        }
        return null;
    }

    private static String toAscii(String raw) {
        String name = raw.endsWith(".") ? raw.substring(0, raw.length() - 1) : raw;
        try {
            return IDN.toASCII(name, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            // IDN rejects names it cannot convert (bad code points, over-long labels).
            return null;
        }
    }

    /** Parses a port; returns -1 with no exception when it is not a number in 1..65535. */
    static int port(String raw) {
        if (raw.isEmpty() || raw.length() > 5 || !raw.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        int p = Integer.parseInt(raw);
        return p >= 1 && p <= 65535 ? p : -1;
    }
}
