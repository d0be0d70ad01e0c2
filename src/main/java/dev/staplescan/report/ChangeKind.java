package dev.staplescan.report;

/**
 * How an endpoint changed between the previous completed run of the same host list and this one.
 * Endpoints are matched by their key {@code host:port:sni}; "failing" means a FAIL or ERROR verdict.
 * An endpoint passing in both runs is no change and has no kind.
 */
public enum ChangeKind {
    /** Passing (PASS or WARN) before, failing now. */
    NEWLY_FAILING("Newly failing"),
    /** Failing before, passing now. */
    FIXED("Fixed"),
    /** Failing in both runs (its codes may differ). */
    STILL_FAILING("Still failing"),
    /** In this run's host list only. */
    ADDED("New in the host list"),
    /** In the previous run's host list only. */
    REMOVED("No longer in the host list");

    private final String title;

    ChangeKind(String title) {
        this.title = title;
    }

    /** The heading the report gives this kind, e.g. "Newly failing". */
    public String title() {
        return title;
    }
}
