package dev.staplescan.cert;

import java.util.List;

/**
 * Whether a certificate covers the name a client checks.
 *
 * @param matches   true when a subjectAltName entry covers the name
 * @param name      the name checked (a DNS name, or an IP literal)
 * @param ipLiteral true when the name is an IP address, matched only against iPAddress entries
 * @param presented the certificate's subjectAltName dNSName and iPAddress entries, for messages
 */
public record HostnameMatch(boolean matches, String name, boolean ipLiteral, List<String> presented) {

    public HostnameMatch {
        presented = List.copyOf(presented);
    }
}
