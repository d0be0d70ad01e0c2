package dev.staplescan.cli;

import dev.staplescan.settings.ValueType;
import dev.staplescan.settings.ValueTypes;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Parses durations the way operators write them: {@code 500ms}, {@code 10s}, {@code 2m}, {@code 1h} (or
 * ISO {@code PT10S}), longer than zero: the grammar of the duration settings, for the options that
 * are not settings ({@code schedule --grace}, the benchmark's {@code --delay}).
 */
public final class DurationConverter implements ITypeConverter<Duration> {

    private static final ValueType<Duration> POSITIVE = ValueTypes.duration(Duration.ofNanos(1), null);

    @Override
    public Duration convert(String value) {
        try {
            return POSITIVE.parse(value);
        } catch (ValueType.BadValueException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
