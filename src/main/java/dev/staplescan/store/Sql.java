package dev.staplescan.store;

import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * SQL text built from domain values, so a query mirrors a domain rule ({@code Verdict#failing},
 * {@code FindingCode#invalidatesStaple}, {@code RunStatus#ended}) instead of restating it in a
 * hand-kept list. Only enum constant names reach the SQL: no input, so nothing to escape.
 */
final class Sql {

    private Sql() {}

    /** {@code ('A', 'B')}: an IN list of the constants' names; {@code (NULL)} (matching nothing) when empty. */
    static String in(Stream<? extends Enum<?>> values) {
        String names = values.map(v -> "'" + v.name() + "'").collect(Collectors.joining(", "));
        return "(" + (names.isEmpty() ? "NULL" : names) + ")";
    }
}
