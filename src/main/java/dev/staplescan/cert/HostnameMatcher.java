package dev.staplescan.cert;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Matches a name against a certificate's subjectAltName the way browsers do (RFC 6125 section 6,
 * CA/B Forum BR 7.1.4.2): DNS names against dNSName entries, case-insensitively, where a wildcard
 * is allowed only as the whole left-most label and covers exactly one label; IP literals against
 * iPAddress entries only. The subject CN is ignored, as modern clients ignore it. Never touches DNS.
 */
public final class HostnameMatcher {

    private static final int DNS_NAME = 2;
    private static final int IP_ADDRESS = 7;
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    /** Only hex digits, colons and dots: InetAddress parses such a string as a literal, without a lookup. */
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private HostnameMatcher() {}

    public static HostnameMatch match(String name, X509Certificate cert) {
        List<String> dnsNames = new ArrayList<>();
        List<String> ipAddresses = new ArrayList<>();
        for (List<?> entry : subjectAltNames(cert)) {
            if (entry.size() == 2 && entry.get(0) instanceof Integer type && entry.get(1) instanceof String value) {
                if (type == DNS_NAME) {
                    dnsNames.add(value);
                } else if (type == IP_ADDRESS) {
                    ipAddresses.add(value);
                }
            }
        }
        List<String> presented = new ArrayList<>(dnsNames);
        presented.addAll(ipAddresses);
        byte[] ip = ipLiteral(name);
        if (ip != null) {
            boolean matches = ipAddresses.stream().anyMatch(a -> Arrays.equals(ip, ipLiteral(a)));
            return new HostnameMatch(matches, name, true, presented);
        }
        String wanted = normalise(name);
        boolean matches = dnsNames.stream().anyMatch(pattern -> dnsMatches(normalise(pattern), wanted));
        return new HostnameMatch(matches, name, false, presented);
    }

    static boolean dnsMatches(String pattern, String name) {
        if (!pattern.startsWith("*.")) {
            return pattern.equals(name);
        }
        String suffix = pattern.substring(1); // ".example.com"
        // At least two labels after the wildcard: "*.com" must not cover every .com name.
        if (suffix.indexOf('.', 1) < 0) {
            return false;
        }
        if (!name.endsWith(suffix)) {
            return false;
        }
        String label = name.substring(0, name.length() - suffix.length());
        return !label.isEmpty() && label.indexOf('.') < 0;
    }

    private static String normalise(String dns) {
        String lower = dns.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }

    /** The address bytes when {@code s} is an IPv4 or IPv6 literal, else {@code null}. */
    static byte[] ipLiteral(String s) {
        if (IPV4.matcher(s).matches()) {
            String[] parts = s.split("\\.", -1);
            byte[] out = new byte[4];
            for (int i = 0; i < 4; i++) {
                int v = Integer.parseInt(parts[i]);
                if (v > 255) {
                    return null;
                }
                out[i] = (byte) v;
            }
            return out;
        }
        String bare = s.startsWith("[") && s.endsWith("]") ? s.substring(1, s.length() - 1) : s;
        int zone = bare.indexOf('%');
        if (zone >= 0) {
            bare = bare.substring(0, zone);
        }
        if (!IPV6.matcher(bare).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(bare).getAddress();
        } catch (UnknownHostException e) {
            // Colons but not a valid IPv6 literal: not an address, and (having a colon) not a DNS name either.
            return null;
        }
    }

    private static Collection<List<?>> subjectAltNames(X509Certificate cert) {
        try {
            Collection<List<?>> names = cert.getSubjectAlternativeNames();
            return names == null ? List.of() : names;
        } catch (CertificateParsingException e) {
            // A SAN extension the JDK cannot read covers no name for any client either.
            return List.of();
        }
    }
}
