package dev.staplescan.input;

/**
 * One endpoint to scan, as read from a host list.
 *
 * @param line        line number in the host list (1-based); unique per run, so it doubles as the target id
 * @param host        host name (lower case) or IP address literal (IPv6 without brackets)
 * @param port        TCP port, 1..65535
 * @param sni         server name sent in the ClientHello and checked against the certificate;
 *                    {@code null} when the host is an IP address and the list gave no name
 * @param owner       team or person responsible, from the list; {@code ""} when not given
 * @param environment environment label (prod, staging, ...); {@code ""} when not given
 * @param tags        free-form tags from the list, {@code ;}-separated; {@code ""} when not given
 */
public record Target(long line, String host, int port, String sni, String owner, String environment, String tags)
        implements HostListItem {

    /** The name a certificate must match: the SNI name when one is sent, otherwise the host (SPEC §4.3). */
    public String expectedName() {
        return sni != null ? sni : host;
    }

    /** {@code host:port} with IPv6 literals bracketed, for messages and logs. */
    public String endpoint() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
