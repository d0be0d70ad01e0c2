package dev.staplescan.input;

/**
 * A host-list line that could not be used.
 *
 * @param line    line number in the host list (1-based)
 * @param content the line as read (undecodable bytes replaced), cut to a readable length
 * @param reason  why it was rejected, in words an operator can act on
 */
public record Rejection(long line, String content, String reason) implements HostListItem {}
