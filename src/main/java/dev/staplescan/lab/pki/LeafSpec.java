package dev.staplescan.lab.pki;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What a leaf (TLS server) certificate should contain. Immutable; the {@code with...} methods
 * return changed copies.
 *
 * @param commonName    the subject CN
 * @param dnsNames      subjectAltName dNSName entries
 * @param ipAddresses   subjectAltName iPAddress entries (literals)
 * @param notBefore     start of validity
 * @param notAfter      end of validity
 * @param ocspUrl       the OCSP responder URL for the AIA extension; {@code null} = no OCSP access method
 * @param caIssuersUrl  the caIssuers URL for the AIA extension; {@code null} = none
 * @param mustStaple    true to add the TLS Feature extension with status_request (RFC 7633)
 */
public record LeafSpec(
        String commonName,
        List<String> dnsNames,
        List<String> ipAddresses,
        Instant notBefore,
        Instant notAfter,
        String ocspUrl,
        String caIssuersUrl,
        boolean mustStaple) {

    public LeafSpec {
        dnsNames = List.copyOf(dnsNames);
        ipAddresses = List.copyOf(ipAddresses);
    }

    /** A leaf for one DNS name: SAN = that name, valid now-1d .. now+90d, no OCSP URL, not must-staple. */
    public static LeafSpec forName(String dnsName) {
        Instant now = Instant.now();
        return new LeafSpec(
                dnsName,
                List.of(dnsName),
                List.of(),
                now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(90)),
                null,
                null,
                false);
    }

    public LeafSpec withOcspUrl(String url) {
        return new LeafSpec(commonName, dnsNames, ipAddresses, notBefore, notAfter, url, caIssuersUrl, mustStaple);
    }

    public LeafSpec withCaIssuersUrl(String url) {
        return new LeafSpec(commonName, dnsNames, ipAddresses, notBefore, notAfter, ocspUrl, url, mustStaple);
    }

    public LeafSpec withMustStaple(boolean b) {
        return new LeafSpec(commonName, dnsNames, ipAddresses, notBefore, notAfter, ocspUrl, caIssuersUrl, b);
    }

    public LeafSpec withValidity(Instant from, Instant to) {
        return new LeafSpec(commonName, dnsNames, ipAddresses, from, to, ocspUrl, caIssuersUrl, mustStaple);
    }

    public LeafSpec withIpAddresses(String... ips) {
        return new LeafSpec(commonName, dnsNames, List.of(ips), notBefore, notAfter, ocspUrl, caIssuersUrl, mustStaple);
    }

    public LeafSpec withDnsNames(String... names) {
        return new LeafSpec(
                commonName, List.of(names), ipAddresses, notBefore, notAfter, ocspUrl, caIssuersUrl, mustStaple);
    }
}
