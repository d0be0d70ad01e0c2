package dev.staplescan.check;

/** How much a finding matters, most severe first. Policies may change a code's severity. */
public enum Severity {
    CRITICAL,
    HIGH,
    MEDIUM,
    LOW,
    INFO;

    /** True when this severity is at least as severe as {@code other}. */
    public boolean atLeast(Severity other) {
        return compareTo(other) <= 0;
    }
}
