package dev.staplescan.report;

import dev.staplescan.check.EndpointFacts;
import dev.staplescan.check.Finding;
import dev.staplescan.check.FindingCode;
import dev.staplescan.check.Severity;
import dev.staplescan.check.Verdict;
import dev.staplescan.input.Rejection;
import dev.staplescan.input.Target;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** An in-memory run for report tests: a few endpoints of every kind, and two rejected lines. */
final class RunFixture implements RunData {

    static final Instant STARTED = Instant.parse("2026-11-22T10:15:30Z");
    static final Instant SCANNED = Instant.parse("2026-11-22T10:15:31.250Z");
    static final String HYPERLINK_OWNER = "=HYPERLINK(\"http://x\",\"y\")";
    static final String COMMA_HOST = "odd,host.example.com";

    final List<EndpointRow> endpoints = new ArrayList<>();
    final List<Rejection> rejections = new ArrayList<>();

    /** The standard fixture: PASS, FAIL (with a hostile owner, and a host with a comma), ERROR. */
    static RunFixture standard() {
        RunFixture run = new RunFixture();
        run.endpoints.add(new EndpointRow(
                new Target(2, "good.example.com", 443, "good.example.com", "web-team", "prod", "public;tier1"),
                SCANNED, "192.0.2.10;2001:db8::10", Verdict.PASS, List.of(), goodFacts()));
        run.endpoints.add(new EndpointRow(
                new Target(3, COMMA_HOST, 8443, "odd.example.com", HYPERLINK_OWNER, "staging", ""),
                SCANNED, "192.0.2.11", Verdict.FAIL,
                List.of(new Finding(FindingCode.STAPLE_EXPIRED, Severity.HIGH,
                                "nextUpdate 2026-11-20T00:00:00Z is 2 days in the past"),
                        new Finding(FindingCode.MUST_STAPLE_VIOLATION, Severity.CRITICAL,
                                "-must-staple certificate without a staple")),
                new EndpointFacts("TLSv1.3;TLSv1.2", true, "good", Instant.parse("2026-11-13T00:00:00Z"),
                        Instant.parse("2026-11-20T00:00:00Z"), Instant.parse("2026-11-25T10:15:30Z"), true,
                        "CN=odd.example.com", "CN=Lab Intermediate, O=staplescan", "0a1b", "http://ocsp.lab/")));
        run.endpoints.add(new EndpointRow(
                new Target(4, "gone.example.com", 443, "gone.example.com", "db-team", "prod", ""),
                SCANNED, "", Verdict.ERROR,
                List.of(new Finding(FindingCode.DNS_FAILURE, Severity.HIGH, "gone.example.com: no A or AAAA record")),
                EndpointFacts.unknown()));
        run.rejections.add(new Rejection(5, "bad host!:443", "invalid host name"));
        run.rejections.add(new Rejection(6, "=cmd|' /C calc'!A0", "invalid host name"));
        return run;
    }

    static EndpointFacts goodFacts() {
        return new EndpointFacts("TLSv1.3", true, "good", Instant.parse("2026-11-22T00:00:00Z"),
                Instant.parse("2026-11-29T00:00:00Z"), Instant.parse("2027-02-01T00:00:00Z"), false,
                "CN=good.example.com", "CN=Lab Intermediate, O=staplescan", "01f4", "http://ocsp.lab/");
    }

    @Override
    public RunSummary summary() {
        Map<Verdict, Long> verdicts = new EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) {
            verdicts.put(v, endpoints.stream().filter(e -> e.verdict() == v).count());
        }
        Map<Severity, Long> severities = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            severities.put(s, endpoints.stream().flatMap(e -> e.findings().stream())
                    .filter(f -> f.severity() == s).count());
        }
        return new RunSummary(42, "sample-inputs/fleet.csv", "default", "0.1.0", STARTED,
                STARTED.plusSeconds(754), "COMPLETED", endpoints.size(), 2, 2, 1, verdicts, severities,
                rejections.size(), 1);
    }

    @Override
    public void forEachEndpoint(Consumer<EndpointRow> action) {
        endpoints.forEach(action);
    }

    @Override
    public void forEachFailing(int limit, Consumer<EndpointRow> action) {
        endpoints.stream()
                .filter(e -> e.verdict() == Verdict.FAIL || e.verdict() == Verdict.ERROR)
                .sorted(Comparator.comparing((EndpointRow e) -> e.target().owner()))
                .limit(limit)
                .forEach(action);
    }

    @Override
    public void forEachRejection(Consumer<Rejection> action) {
        rejections.forEach(action);
    }
}
