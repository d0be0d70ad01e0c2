package dev.staplescan.input;

/** What one meaningful host-list line becomes: an endpoint to scan, or a rejection with its reason. */
public sealed interface HostListItem permits Target, Rejection {

    /** The line number in the host list (1-based). */
    long line();
}
