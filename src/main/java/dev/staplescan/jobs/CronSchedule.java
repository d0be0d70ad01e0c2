package dev.staplescan.jobs;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.springframework.scheduling.support.CronExpression;

/**
 * When a job fires. Accepts Spring's six fields ({@code second minute hour day-of-month month
 * day-of-week}), the five fields of Unix cron (seconds taken as 0) and the macros {@code @hourly},
 * {@code @daily}, {@code @midnight}, {@code @weekly}, {@code @monthly}, {@code @yearly}.
 *
 * @param text       the expression as written in the definition
 * @param expression the parsed six-field expression
 * @param zone       the time zone the expression is read in
 */
public record CronSchedule(String text, CronExpression expression, ZoneId zone) {

    /** Parses an expression; the message of the exception says what is wrong. */
    public static CronSchedule parse(String text, ZoneId zone) {
        String t = text.strip();
        int fields = t.startsWith("@") ? 6 : t.split("\\s+").length;
        String six = switch (fields) {
            case 5 -> "0 " + t; // Unix cron has no seconds field: fire at second 0
            case 6 -> t;
            default ->
                throw new IllegalArgumentException("has " + fields + " fields; write 5 (Unix cron: minute hour "
                        + "day-of-month month day-of-week) or 6 (Spring: second first), e.g. '30 2 * * *'");
        };
        try {
            return new CronSchedule(text, CronExpression.parse(six), zone);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("is not a valid cron expression: " + e.getMessage(), e);
        }
    }

    /** The next firing strictly after {@code after}, if the expression ever fires again. */
    public Optional<ZonedDateTime> next(ZonedDateTime after) {
        return Optional.ofNullable(expression.next(after.withZoneSameInstant(zone)));
    }
}
