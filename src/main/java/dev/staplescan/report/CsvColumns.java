package dev.staplescan.report;

import dev.staplescan.check.EndpointFacts;
import dev.staplescan.check.Finding;
import dev.staplescan.check.FindingCode;
import dev.staplescan.input.Rejection;
import dev.staplescan.input.Target;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The columns of the three CSV files and how one row maps to them (SPEC §7, stable contract:
 * columns may be added at the end, never renamed or reordered).
 *
 * <p>Every text that came from the host list or a server goes through {@link SpreadsheetSafe}.
 * Timestamps are ISO-8601 UTC to the second ({@code 2026-11-22T10:15:30Z}); an unknown value is
 * an empty cell.
 */
public final class CsvColumns {

    /** Columns of {@code endpoints.csv}: one row per endpoint. */
    public static final List<String> ENDPOINTS = List.of(
            "host",
            "port",
            "sni",
            "owner",
            "environment",
            "tags",
            "verdict",
            "finding_codes",
            "worst_severity",
            "addresses",
            "protocols",
            "stapled",
            "ocsp_status",
            "this_update",
            "next_update",
            "cert_not_after",
            "cert_days_left",
            "must_staple",
            "subject",
            "issuer",
            "serial",
            "responder_url",
            "scanned_at",
            "stapled_tls13",
            "stapled_tls12");

    /** Columns of {@code findings.csv}: one row per finding. */
    public static final List<String> FINDINGS = List.of(
            "host",
            "port",
            "sni",
            "code",
            "severity",
            "message",
            "owner",
            "environment",
            "title",
            "remediation",
            "control");

    /** Columns of {@code rejections.csv}: one row per rejected host-list line. */
    public static final List<String> REJECTIONS = List.of("line", "content", "reason");

    private static final long SECONDS_PER_DAY = 86_400;

    private CsvColumns() {}

    /** The cells of one endpoint, in {@link #ENDPOINTS} order. */
    static List<Object> endpoint(EndpointRow row) {
        Target t = row.target();
        EndpointFacts f = row.facts() != null ? row.facts() : EndpointFacts.unknown();
        List<Finding> bySeverity = row.findings().stream()
                .sorted(Comparator.comparing(Finding::severity)) // stable: keeps the assessor's order within a severity
                .toList();
        String codes = bySeverity.stream()
                .map(Finding::code)
                .map(FindingCode::name)
                .distinct()
                .collect(Collectors.joining(";"));
        String worst =
                bySeverity.isEmpty() ? "" : bySeverity.getFirst().severity().name();
        return List.of(
                safe(t.host()),
                t.port(),
                safe(t.sni()),
                safe(t.owner()),
                safe(t.environment()),
                safe(t.tags()),
                row.verdict().name(),
                codes,
                worst,
                safe(row.addresses()),
                safe(f.protocols()),
                bool(f.stapled()),
                safe(f.ocspStatus()),
                iso(f.thisUpdate()),
                iso(f.nextUpdate()),
                iso(f.certNotAfter()),
                daysLeft(row.scannedAt(), f.certNotAfter()),
                bool(f.mustStaple()),
                safe(f.subject()),
                safe(f.issuer()),
                safe(f.serial()),
                safe(f.responderUrl()),
                iso(row.scannedAt()),
                bool(f.stapledTls13()),
                bool(f.stapledTls12()));
    }

    /** The cells of one finding of an endpoint, in {@link #FINDINGS} order. */
    static List<Object> finding(Target t, Finding finding) {
        FindingCode code = finding.code();
        return List.of(
                safe(t.host()),
                t.port(),
                safe(t.sni()),
                code.name(),
                finding.severity().name(),
                safe(finding.message()),
                safe(t.owner()),
                safe(t.environment()),
                code.title(),
                code.remediation(),
                // From the policy file: an operator's text, protected like any other.
                safe(finding.control()));
    }

    /** The cells of one rejected line, in {@link #REJECTIONS} order. */
    static List<Object> rejection(Rejection r) {
        return List.of(r.line(), safe(r.content()), safe(r.reason()));
    }

    /** ISO-8601 UTC to the second; spreadsheets and scripts parse it, and sub-seconds are noise here. */
    static String iso(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /**
     * Whole days from the scan to the certificate's notAfter, rounded down (negative once expired).
     * Measured from the scan, not from "now", so re-rendering an old run gives the same numbers.
     */
    static Object daysLeft(Instant scannedAt, Instant notAfter) {
        if (scannedAt == null || notAfter == null) {
            return "";
        }
        return Math.floorDiv(notAfter.getEpochSecond() - scannedAt.getEpochSecond(), SECONDS_PER_DAY);
    }

    private static String bool(Boolean value) {
        return value == null ? "" : value.toString();
    }

    private static String safe(String text) {
        return SpreadsheetSafe.text(text);
    }
}
