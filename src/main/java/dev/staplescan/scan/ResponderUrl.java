package dev.staplescan.scan;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An OCSP responder URL from a certificate's AIA, taken apart for the query: only the schemes http and
 * https, a host, no user info. The host is kept as written (lower case), for the
 * {@code Host} header, TLS server name and name rules; {@link HostNames#address} says what address a
 * numeric spelling stands for.
 *
 * @param text   the URL as given in the certificate
 * @param https  whether the scheme is https (TLS) rather than plain http
 * @param host   the host in lower case, an IPv6 literal in brackets ({@code [::1]}), no trailing dot
 * @param port   the port, the scheme's default when none is written
 * @param target the request target: raw path and query, {@code /} when the path is empty
 */
record ResponderUrl(String text, boolean https, String host, int port, String target) {

    /** {@code host[:port]} of an authority that java.net.URI did not take as a server (e.g. {@code 0x7f.1}). */
    private static final Pattern AUTHORITY = Pattern.compile("(\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9._-]+)(?::(\\d{1,5}))?");

    /**
     * The URL if it is one we may ask: an absolute {@code http} or {@code https} URL with a host and
     * without user info, whose request target is plain printable ASCII (so it cannot split the
     * request line). Anything else ({@code ldap:}, {@code file:}, relative or unparseable text) is empty.
     */
    public static Optional<ResponderUrl> parse(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            // A CA (or a forger) put text in AIA that is no URI: nothing we can ask.
            return Optional.empty();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getRawAuthority() == null) {
            return Optional.empty();
        }
        boolean https = scheme.equals("https");
        String host;
        int port;
        if (uri.getHost() != null) {
            if (uri.getRawUserInfo() != null) {
                return Optional.empty();
            }
            host = uri.getHost();
            port = uri.getPort();
        } else {
            // A registry-based authority: java.net.URI takes 0x7f.1 or 127.1 for no host name, but HTTP
            // clients and browsers read them as addresses. Take host and port apart ourselves, so they
            // are checked as what they are rather than missed.
            Matcher m = AUTHORITY.matcher(uri.getRawAuthority());
            if (!m.matches()) {
                return Optional.empty();
            }
            host = m.group(1);
            port = m.group(2) == null ? -1 : Integer.parseInt(m.group(2));
        }
        if (port == 0 || port > 65_535) {
            return Optional.empty();
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String target = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        if (host.isEmpty() || !path.startsWith("/") || !printableAscii(target)) {
            return Optional.empty();
        }
        return Optional.of(new ResponderUrl(url, https, host, port < 0 ? (https ? 443 : 80) : port, target));
    }

    /** The {@code Host} header (RFC 9112 section 3.2): the host, and the port when it is not the default. */
    public String hostHeader() {
        return port == (https ? 443 : 80) ? host : host + ":" + port;
    }

    /** {@code scheme://host:port}, without path or query: what may be quoted of a URL a responder sent. */
    public String origin() {
        return (https ? "https://" : "http://") + hostHeader();
    }

    private static boolean printableAscii(String s) {
        return s.chars().allMatch(c -> c > 0x20 && c < 0x7f);
    }

    @Override
    public String toString() {
        return text;
    }
}
