package dev.staplescan.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The terminal and the log get the same escaping as the report files. */
class EscapingOutputTest {

    private static final String HOSTILE = "ocsp\u001b]0;pwned\u0007.test";

    @Test
    void everyPrintMethodOfTheTerminalStreamEscapes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (EscapingPrintStream out = new EscapingPrintStream(bytes, StandardCharsets.UTF_8)) {
            out.println("host " + HOSTILE);
            out.printf("%s%n", HOSTILE);
            out.print((Object) HOSTILE);
            out.print('\u0007');
            out.print(HOSTILE.toCharArray());
            out.append(HOSTILE).append('\n');
        }
        String escaped = "ocsp\\x1b]0;pwned\\x07.test";

        assertEquals(
                "host " + escaped + "\n" + escaped + System.lineSeparator() + escaped + "\\x07" + escaped + escaped
                        + "\n",
                bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void logMessagesAreEscapedOnOneLine() {
        EscapedMessageConverter.install();
        LoggerContext context = new LoggerContext();
        PatternLayout layout = new PatternLayout();
        layout.setContext(context);
        layout.setPattern("%-5level %msg|%m");
        layout.start();
        LoggingEvent event = new LoggingEvent(
                "x", context.getLogger("test"), Level.WARN, "responder {} said\n{}", null, new Object[] {HOSTILE, "ok"
                });

        assertEquals(
                "WARN  responder ocsp\\x1b]0;pwned\\x07.test said\\x0aok|responder ocsp\\x1b]0;pwned\\x07.test said\\x0aok",
                layout.doLayout(event));
    }
}
