package dev.staplescan.cli;

/** Process exit codes, documented in the README. */
public final class ExitCodes {

    /** The run completed and no endpoint failed. */
    public static final int CLEAN = 0;
    /** The run completed and at least one endpoint's verdict is FAIL or ERROR. */
    public static final int POLICY_FAILURES = 1;
    /** The run could not be done: bad options, unreadable or unusable input, database problems. */
    public static final int COULD_NOT_RUN = 2;

    private ExitCodes() {}
}
