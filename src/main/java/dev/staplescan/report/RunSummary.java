package dev.staplescan.report;

import dev.staplescan.check.Severity;
import dev.staplescan.check.Verdict;
import java.time.Instant;
import java.util.Map;

/**
 * The facts and headline figures of one run, for the cover and summary of the reports.
 *
 * @param runId              the run's id in the database
 * @param input              the host list the run read (path as given)
 * @param policy             name of the policy the findings were assessed under
 * @param scannerVersion     staplescan version that scanned
 * @param startedAt          when the run started (UTC)
 * @param finishedAt         when scanning and assessment finished; {@code null} if not finished
 * @param status             where the run stands
 * @param endpoints          endpoints scanned (after duplicates were dropped)
 * @param reachable          endpoints where at least one handshake completed
 * @param stapling           endpoints that stapled something on at least one handshake
 * @param validStaples       endpoints whose staple verified as good and current
 * @param verdicts           endpoint count per verdict (every verdict present, 0 when none)
 * @param findingsBySeverity finding count per severity (every severity present, 0 when none)
 * @param rejections         host-list lines rejected
 * @param duplicates         host-list lines dropped as duplicates of an earlier line
 */
public record RunSummary(
        long runId,
        String input,
        String policy,
        String scannerVersion,
        Instant startedAt,
        Instant finishedAt,
        RunStatus status,
        long endpoints,
        long reachable,
        long stapling,
        long validStaples,
        Map<Verdict, Long> verdicts,
        Map<Severity, Long> findingsBySeverity,
        long rejections,
        long duplicates) {

    public RunSummary {
        verdicts = Map.copyOf(verdicts);
        findingsBySeverity = Map.copyOf(findingsBySeverity);
    }

    /** Endpoints whose verdict is {@linkplain Verdict#failing() failing}: what makes {@code scan} exit 1. */
    public long failing() {
        return verdicts.entrySet().stream()
                .filter(e -> e.getKey().failing())
                .mapToLong(Map.Entry::getValue)
                .sum();
    }
}
