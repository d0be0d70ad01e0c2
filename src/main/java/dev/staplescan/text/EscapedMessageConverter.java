package dev.staplescan.text;

import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.util.List;

/**
 * Logback's {@code %msg} (also {@code %m} and {@code %message}) with the message passed through
 * {@link Printable#escape}: a log line stays one line, and a host name or certificate subject with
 * ESC or a newline in it can neither forge log lines nor reach the terminal of whoever tails the log.
 * Stack traces are printed by their own converter and left as they are.
 */
public final class EscapedMessageConverter extends MessageConverter {

    private static final List<String> WORDS = List.of("m", "msg", "message");

    @Override
    public String convert(ILoggingEvent event) {
        return Printable.escape(super.convert(event));
    }

    /**
     * Makes every pattern layout built from now on use this converter for the message. Call before
     * Spring Boot configures logging (the CLI does, first thing). Why here and not in a
     * {@code logback-spring.xml} with a {@code conversionRule}: such a file replaces the configuration
     * Spring Boot builds from {@code logging.*} properties (log file in {@code --data}, console
     * threshold), which would then have to be rebuilt by hand; logback's map of default conversion
     * words is its public hook for exactly this. Idempotent.
     */
    public static void install() {
        for (String word : WORDS) {
            PatternLayout.DEFAULT_CONVERTER_SUPPLIER_MAP.put(word, EscapedMessageConverter::new);
        }
    }
}
