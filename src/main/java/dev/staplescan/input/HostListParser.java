package dev.staplescan.input;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Turns host-list lines into {@link Target}s or {@link Rejection}s (SPEC §3). Pure: the file
 * handling is {@link HostListReader}'s.
 *
 * <p>Grammar. The first line that is neither blank nor a {@code #} comment decides the format: when,
 * read as CSV, one of its cells is {@code host}, the file is CSV with that header and the columns
 * {@code host} (required), {@code port} (default 443), {@code sni} (default: the host when it is a
 * name), {@code owner}, {@code environment}, {@code tags}; unknown columns are ignored. Otherwise the
 * file is plain text, one endpoint per line: {@code host}, {@code host:port} or {@code [ipv6]:port}
 * (a bare IPv6 literal is also accepted); text after {@code #} is a comment. In both formats blank
 * lines and lines starting with {@code #} are skipped. A CSV record must fit on one line.
 */
public final class HostListParser {

    /** Longest owner, environment or tags value kept; longer ones are cut (they are labels, not documents). */
    static final int MAX_LABEL = 200;

    static final int DEFAULT_PORT = 443;
    private static final List<String> KNOWN = List.of("host", "port", "sni", "owner", "environment", "tags");
    private static final CSVFormat CSV =
            CSVFormat.RFC4180.builder().setTrim(true).get();

    private final Map<String, Integer> columns; // null for plain text

    private HostListParser(Map<String, Integer> columns) {
        this.columns = columns;
    }

    /** Parser for plain-text lists. */
    public static HostListParser plain() {
        return new HostListParser(null);
    }

    /** True when the line is blank or a comment and carries no endpoint. */
    public static boolean isSkippable(String line) {
        String t = line.strip();
        return t.isEmpty() || t.startsWith("#");
    }

    /**
     * Decides the format from the first meaningful line. Returns the CSV parser when that line is a
     * header naming a {@code host} column, otherwise the plain-text parser (and the line is data).
     */
    public static HostListParser forFirstLine(String line) {
        List<String> cells = splitCsv(line);
        if (cells == null) {
            return plain();
        }
        Map<String, Integer> cols = new HashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            String name = cells.get(i).toLowerCase(Locale.ROOT).replace(' ', '_');
            if (KNOWN.contains(name)) {
                cols.putIfAbsent(name, i);
            }
        }
        return cols.containsKey("host") ? new HostListParser(Map.copyOf(cols)) : plain();
    }

    /** True when this parser reads CSV (and the first meaningful line was its header). */
    public boolean isCsv() {
        return columns != null;
    }

    /** Parses one meaningful line (not blank, not a comment) into a target or a rejection. */
    public HostListItem parse(long lineNumber, String line) {
        return isCsv() ? parseCsv(lineNumber, line) : parsePlain(lineNumber, line);
    }

    private HostListItem parsePlain(long n, String line) {
        String text = line;
        int hash = text.indexOf('#');
        if (hash >= 0) {
            text = text.substring(0, hash);
        }
        text = text.strip();
        if (text.contains("://")) {
            return new Rejection(n, line, HostSyntax.whyNotAName(text));
        }
        if (text.contains(",") || text.contains(" ") || text.contains("\t")) {
            return new Rejection(n, line, "expected one endpoint per line (host, host:port or [ipv6]:port)");
        }
        String host = text;
        String port = "";
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0) {
                return new Rejection(n, line, "missing ']' after the IPv6 address");
            }
            host = text.substring(1, close);
            String rest = text.substring(close + 1);
            if (!rest.isEmpty() && !rest.startsWith(":")) {
                return new Rejection(n, line, "expected ':port' after ']'");
            }
            port = rest.isEmpty() ? "" : rest.substring(1);
            if (!HostSyntax.isIpv6(host)) {
                return new Rejection(n, line, "invalid IPv6 address '" + host + "'");
            }
        } else if (text.indexOf(':') != text.lastIndexOf(':')) {
            if (!HostSyntax.isIpv6(text)) {
                return new Rejection(n, line, "invalid IPv6 address; write [address]:port");
            }
        } else if (text.indexOf(':') >= 0) {
            host = text.substring(0, text.indexOf(':'));
            port = text.substring(text.indexOf(':') + 1);
        }
        return target(n, line, host, port, "", "", "", "");
    }

    private HostListItem parseCsv(long n, String line) {
        List<String> cells = splitCsv(line);
        if (cells == null) {
            return new Rejection(n, line, "not a valid CSV record (unbalanced quotes?)");
        }
        int expected =
                columns.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        if (cells.size() < expected) {
            return new Rejection(n, line, "expected at least " + expected + " columns, found " + cells.size());
        }
        return target(
                n,
                line,
                cell(cells, "host"),
                cell(cells, "port"),
                cell(cells, "sni"),
                cell(cells, "owner"),
                cell(cells, "environment"),
                cell(cells, "tags"));
    }

    private String cell(List<String> cells, String column) {
        Integer i = columns.get(column);
        return i == null ? "" : cells.get(i);
    }

    private static HostListItem target(
            long n,
            String line,
            String rawHost,
            String rawPort,
            String rawSni,
            String owner,
            String environment,
            String tags) {
        String host = rawHost.strip();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1); // CSV cells may bracket IPv6 too
        }
        int port = rawPort.isBlank() ? DEFAULT_PORT : HostSyntax.port(rawPort.strip());
        if (port < 0) {
            return new Rejection(n, line, "port '" + rawPort.strip() + "' is not a number from 1 to 65535");
        }
        boolean ip = HostSyntax.isIpLiteral(host);
        if (!ip) {
            String why = HostSyntax.whyNotAName(host);
            if (why != null) {
                return new Rejection(n, line, why);
            }
            host = HostSyntax.normaliseName(host);
        } else {
            host = host.toLowerCase(Locale.ROOT);
        }
        String sni = rawSni.strip();
        if (!sni.isEmpty()) {
            if (HostSyntax.isIpLiteral(sni)) {
                return new Rejection(n, line, "sni must be a host name, not an IP address (RFC 6066 §3)");
            }
            String why = HostSyntax.whyNotAName(sni);
            if (why != null) {
                return new Rejection(n, line, "sni: " + why);
            }
            sni = HostSyntax.normaliseName(sni);
        } else {
            sni = ip ? null : host;
        }
        return new Target(n, host, port, sni, label(owner), label(environment), label(tags));
    }

    /** Strips control characters and cuts over-long labels; they end up in reports. */
    private static String label(String raw) {
        String s = raw.strip().replaceAll("\\p{Cntrl}", " ");
        return s.length() > MAX_LABEL ? s.substring(0, MAX_LABEL) : s;
    }

    /** One CSV line's cells, or {@code null} when the line is not a well-formed single CSV record. */
    private static List<String> splitCsv(String line) {
        try (CSVParser p = CSVParser.parse(line, CSV)) {
            List<CSVRecord> records = p.getRecords();
            return records.size() == 1 ? records.get(0).toList() : null;
        } catch (IOException | UncheckedIOException e) {
            // commons-csv reports an unterminated quoted field this way; the line is then rejected.
            return null;
        }
    }
}
