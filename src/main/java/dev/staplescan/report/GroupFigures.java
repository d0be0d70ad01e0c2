package dev.staplescan.report;

/**
 * Headline figures of one group of endpoints, for the breakdown table and the stapling chart.
 *
 * @param owner        the owner ("" when the host list gave none); {@code null} when grouped by environment only
 * @param environment  the environment ("" when none given); {@code null} when grouped by owner only
 * @param endpoints    assessed endpoints in the group
 * @param pass         PASS verdicts
 * @param warn         WARN verdicts
 * @param fail         FAIL verdicts
 * @param error        ERROR verdicts (not assessed)
 * @param stapling     endpoints that stapled something on at least one handshake
 * @param validStaples endpoints whose staple verified as good and current
 */
public record GroupFigures(
        String owner,
        String environment,
        long endpoints,
        long pass,
        long warn,
        long fail,
        long error,
        long stapling,
        long validStaples) {

    /** Percentage of {@code part} in the group's endpoints; 0 for an empty group. */
    public double percent(long part) {
        return endpoints == 0 ? 0 : 100.0 * part / endpoints;
    }
}
