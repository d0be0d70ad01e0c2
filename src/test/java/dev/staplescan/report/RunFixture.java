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
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * An in-memory run for report tests: a few endpoints of every kind, two rejected lines, and optionally
 * a previous run of the same host list to compare with. Groups, code counts and changes are computed
 * from the lists the way the database computes them.
 */
class RunFixture implements RunData {

    static final Instant STARTED = Instant.parse("2026-11-22T10:15:30Z");
    static final Instant SCANNED = Instant.parse("2026-11-22T10:15:31.250Z");
    static final String HYPERLINK_OWNER = "=HYPERLINK(\"http://x\",\"y\")";
    static final String COMMA_HOST = "odd,host.example.com";

    final List<EndpointRow> endpoints = new ArrayList<>();
    final List<Rejection> rejections = new ArrayList<>();
    /** The previous run of the same host list; {@code null} for none. */
    RunFixture previous;

    long runId = 42;

    /** The standard fixture: PASS, FAIL (with a hostile owner, and a host with a comma), ERROR. */
    static RunFixture standard() {
        RunFixture run = new RunFixture();
        run.endpoints.add(passing(
                new Target(2, "good.example.com", 443, "good.example.com", "web-team", "prod", "public;tier1"),
                "192.0.2.10;2001:db8::10"));
        run.endpoints.add(new EndpointRow(
                new Target(3, COMMA_HOST, 8443, "odd.example.com", HYPERLINK_OWNER, "staging", ""),
                SCANNED,
                "192.0.2.11",
                Verdict.FAIL,
                List.of(
                        new Finding(
                                FindingCode.STAPLE_EXPIRED,
                                Severity.HIGH,
                                "nextUpdate 2026-11-20T00:00:00Z is 2 days in the past"),
                        new Finding(
                                FindingCode.MUST_STAPLE_VIOLATION,
                                Severity.CRITICAL,
                                "-must-staple certificate without a staple")),
                new EndpointFacts(
                        "TLSv1.3;TLSv1.2",
                        true,
                        "good",
                        Instant.parse("2026-11-13T00:00:00Z"),
                        Instant.parse("2026-11-20T00:00:00Z"),
                        Instant.parse("2026-11-25T10:15:30Z"),
                        true,
                        "CN=odd.example.com",
                        "CN=Lab Intermediate, O=staplescan",
                        "0a1b",
                        "http://ocsp.lab/",
                        null,
                        null)));
        run.endpoints.add(new EndpointRow(
                new Target(4, "gone.example.com", 443, "gone.example.com", "db-team", "prod", ""),
                SCANNED,
                "",
                Verdict.ERROR,
                List.of(new Finding(FindingCode.DNS_FAILURE, Severity.HIGH, "gone.example.com: no A or AAAA record")),
                EndpointFacts.unknown()));
        run.rejections.add(new Rejection(5, "bad host!:443", "invalid host name"));
        run.rejections.add(new Rejection(6, "=cmd|' /C calc'!A0", "invalid host name"));
        return run;
    }

    /**
     * The standard fixture with a previous run: good.example.com failed then (fixed now), the comma host
     * passed (newly failing), gone.example.com failed (still failing), and old.example.com was listed
     * then and is gone now.
     */
    static RunFixture withPrevious() {
        RunFixture run = standard();
        RunFixture before = new RunFixture();
        before.runId = 41;
        List<EndpointRow> now = run.endpoints;
        before.endpoints.add(with(
                now.get(0),
                Verdict.FAIL,
                new Finding(FindingCode.STAPLE_MISSING, Severity.HIGH, "no staple on 2 of 2 handshakes")));
        before.endpoints.add(with(now.get(1), Verdict.PASS));
        before.endpoints.add(
                with(now.get(2), Verdict.ERROR, new Finding(FindingCode.CONNECT_REFUSED, Severity.HIGH, "refused")));
        before.endpoints.add(passing(
                new Target(9, "old.example.com", 443, "old.example.com", "web-team", "prod", ""), "192.0.2.99"));
        run.previous = before;
        return run;
    }

    private static EndpointRow passing(Target target, String addresses) {
        return new EndpointRow(target, SCANNED, addresses, Verdict.PASS, List.of(), goodFacts());
    }

    private static EndpointRow with(EndpointRow e, Verdict verdict, Finding... findings) {
        return new EndpointRow(e.target(), e.scannedAt(), e.addresses(), verdict, List.of(findings), e.facts());
    }

    static EndpointFacts goodFacts() {
        return new EndpointFacts(
                "TLSv1.3",
                true,
                "good",
                Instant.parse("2026-11-22T00:00:00Z"),
                Instant.parse("2026-11-29T00:00:00Z"),
                Instant.parse("2027-02-01T00:00:00Z"),
                false,
                "CN=good.example.com",
                "CN=Lab Intermediate, O=staplescan",
                "01f4",
                "http://ocsp.lab/",
                null,
                null);
    }

    @Override
    public RunSummary summary() {
        Map<Verdict, Long> verdicts = new EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) {
            verdicts.put(v, endpoints.stream().filter(e -> e.verdict() == v).count());
        }
        Map<Severity, Long> severities = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            severities.put(
                    s,
                    endpoints.stream()
                            .flatMap(e -> e.findings().stream())
                            .filter(f -> f.severity() == s)
                            .count());
        }
        return new RunSummary(
                runId,
                "sample-inputs/fleet.csv",
                "default",
                "0.1.0",
                STARTED,
                STARTED.plusSeconds(754),
                RunStatus.COMPLETED,
                endpoints.size(),
                2,
                2,
                1,
                verdicts,
                severities,
                rejections.size(),
                1);
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

    @Override
    public RunSettings settings() {
        return RunSettings.parse("partitions=4 concurrency=256 connectTimeout=PT5S handshakeTimeout=PT10S "
                + "endpointTimeout=PT30S handshakes=2 trust=-");
    }

    @Override
    public void forEachGroup(GroupBy by, int limit, Consumer<GroupFigures> action) {
        groups(by).stream()
                .sorted(Comparator.comparingLong(GroupFigures::endpoints).reversed())
                .limit(limit)
                .forEach(action);
    }

    @Override
    public long groupCount(GroupBy by) {
        return groups(by).size();
    }

    private List<GroupFigures> groups(GroupBy by) {
        Function<EndpointRow, String> owner =
                e -> by == GroupBy.ENVIRONMENT ? null : e.target().owner();
        Function<EndpointRow, String> env =
                e -> by == GroupBy.OWNER ? null : e.target().environment();
        Map<List<String>, List<EndpointRow>> byKey = new LinkedHashMap<>();
        for (EndpointRow e : endpoints) {
            byKey.computeIfAbsent(Arrays.asList(owner.apply(e), env.apply(e)), k -> new ArrayList<>())
                    .add(e);
        }
        List<GroupFigures> groups = new ArrayList<>();
        byKey.forEach((key, rows) -> groups.add(new GroupFigures(
                key.get(0),
                key.get(1),
                rows.size(),
                count(rows, Verdict.PASS),
                count(rows, Verdict.WARN),
                count(rows, Verdict.FAIL),
                count(rows, Verdict.ERROR),
                rows.stream()
                        .filter(e -> Boolean.TRUE.equals(e.facts().stapled()))
                        .count(),
                rows.stream()
                        .filter(e -> "good".equals(e.facts().ocspStatus()) && e.verdict() == Verdict.PASS)
                        .count())));
        return groups;
    }

    private static long count(List<EndpointRow> rows, Verdict v) {
        return rows.stream().filter(e -> e.verdict() == v).count();
    }

    @Override
    public List<CodeCount> codeCounts() {
        Map<FindingCode, List<Finding>> byCode =
                endpoints.stream().flatMap(e -> e.findings().stream()).collect(Collectors.groupingBy(Finding::code));
        List<CodeCount> counts = new ArrayList<>();
        byCode.forEach((code, findings) -> counts.add(new CodeCount(
                code,
                endpoints.stream()
                        .filter(e -> e.findings().stream().anyMatch(f -> f.code() == code))
                        .count(),
                findings.size(),
                findings.stream()
                        .map(Finding::severity)
                        .min(Comparator.naturalOrder())
                        .orElseThrow())));
        return counts;
    }

    @Override
    public Optional<RunSummary> previous() {
        return Optional.ofNullable(previous).map(RunFixture::summary);
    }

    @Override
    public Map<ChangeKind, Long> changeCounts() {
        if (previous == null) {
            return Map.of();
        }
        Map<ChangeKind, Long> counts = new EnumMap<>(ChangeKind.class);
        for (ChangeKind kind : ChangeKind.values()) {
            counts.put(kind, changes(kind).count());
        }
        return counts;
    }

    @Override
    public void forEachChange(ChangeKind kind, int limit, Consumer<EndpointChange> action) {
        if (previous != null) {
            changes(kind).limit(limit).forEach(action);
        }
    }

    private Stream<EndpointChange> changes(ChangeKind kind) {
        Map<String, EndpointRow> before =
                previous.endpoints.stream().collect(Collectors.toMap(RunFixture::key, e -> e));
        Map<String, EndpointRow> after = endpoints.stream().collect(Collectors.toMap(RunFixture::key, e -> e));
        List<EndpointChange> all = new ArrayList<>();
        after.forEach((key, now) -> all.add(change(before.get(key), now)));
        before.forEach((key, then) -> {
            if (!after.containsKey(key)) {
                all.add(change(then, null));
            }
        });
        return all.stream()
                .filter(c -> c != null && c.kind() == kind)
                .sorted(Comparator.comparing(EndpointChange::owner).thenComparing(EndpointChange::host));
    }

    private static EndpointChange change(EndpointRow then, EndpointRow now) {
        boolean failedThen = then != null && then.verdict().failing();
        boolean failsNow = now != null && now.verdict().failing();
        ChangeKind kind = then == null
                ? ChangeKind.ADDED
                : now == null
                        ? ChangeKind.REMOVED
                        : failedThen && failsNow
                                ? ChangeKind.STILL_FAILING
                                : failsNow ? ChangeKind.NEWLY_FAILING : failedThen ? ChangeKind.FIXED : null;
        if (kind == null) {
            return null;
        }
        Target t = (now != null ? now : then).target();
        return EndpointChange.of(
                kind,
                t,
                then == null ? null : then.verdict(),
                now == null ? null : now.verdict(),
                codes(then),
                codes(now));
    }

    private static String codes(EndpointRow e) {
        return e == null ? "" : e.findings().stream().map(f -> f.code().name()).collect(Collectors.joining(";"));
    }

    private static String key(EndpointRow e) {
        return e.target().host() + ":" + e.target().port() + ":" + e.target().sni();
    }
}
