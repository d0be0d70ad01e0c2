package dev.staplescan.report;

/** How {@link RunData#forEachGroup} groups endpoints, by the host list's owner and environment columns. */
public enum GroupBy {
    /** One group per owner (all environments together). */
    OWNER,
    /** One group per environment (all owners together). */
    ENVIRONMENT,
    /** One group per (owner, environment) pair. */
    OWNER_AND_ENVIRONMENT
}
