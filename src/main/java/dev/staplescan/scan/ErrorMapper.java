package dev.staplescan.scan;

import io.netty.handler.codec.DecoderException;
import io.netty.handler.ssl.NotSslRecordException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

/**
 * The one place where an exception becomes an {@link Outcome} (STYLE.md habit 4, after zgrab2's
 * error-to-status mapping). The rules, in order:
 * <ol>
 *   <li>a defect of ours (a {@link RuntimeException} or {@link Error} at the top, or one thrown by
 *       staplescan code inside a TLS-stack callback) is {@link Outcome#INTERNAL_ERROR} with the stack trace;</li>
 *   <li>a deadline that we enforced ourselves is the timeout of the step that was running;</li>
 *   <li>otherwise the step and the exception decide, see {@link #map}.</li>
 * </ol>
 * Pure: no I/O, no logging, so it is unit tested with constructed exceptions.
 */
public final class ErrorMapper {

    /** Where an attempt was when it failed: the same exception means different things in each. */
    public enum Step {
        /** Looking up the host name. */
        RESOLVE,
        /** Establishing TCP. */
        CONNECT,
        /** Running the TLS handshake over an established connection. */
        HANDSHAKE
    }

    /**
     * An outcome with its evidence.
     *
     * @param outcome never {@link Outcome#OK}
     * @param detail  exception classes and messages along the cause chain; the full stack trace for
     *                {@link Outcome#INTERNAL_ERROR}
     */
    public record Mapped(Outcome outcome, String detail) {}

    private static final int MAX_DETAIL = 2_000;
    private static final int MAX_TRACE = 16_000;
    private static final int MAX_CAUSES = 16;
    private static final String OUR_PACKAGE = "dev.staplescan.";
    /** TLS stacks that call our trust manager: a throw site below one of these is theirs, not ours. */
    private static final List<String> TLS_PACKAGES = List.of("sun.security.ssl.", "io.netty.");

    private ErrorMapper() {}

    /**
     * Maps a failed step to its outcome.
     *
     * @param step            what was running
     * @param error           what it threw
     * @param deadlineExpired true when our own deadline ended the step (the resolver wait gave up, or the
     *                        handshake watchdog closed the socket); the exception is then only a consequence
     */
    public static Mapped map(Step step, Throwable error, boolean deadlineExpired) {
        if (isOurDefect(error)) {
            return new Mapped(Outcome.INTERNAL_ERROR, stackTrace(error));
        }
        String detail = describe(error);
        if (deadlineExpired) {
            return new Mapped(timeoutOf(step), detail);
        }
        Outcome outcome = switch (step) {
            case RESOLVE -> Outcome.DNS_FAILURE;
            case CONNECT -> connectOutcome(error);
            case HANDSHAKE -> handshakeOutcome(error);
        };
        return new Mapped(outcome, detail);
    }

    private static Outcome timeoutOf(Step step) {
        return switch (step) {
            case RESOLVE -> Outcome.DNS_FAILURE;
            case CONNECT -> Outcome.CONNECT_TIMEOUT;
            case HANDSHAKE -> Outcome.HANDSHAKE_TIMEOUT;
        };
    }

    private static Outcome connectOutcome(Throwable error) {
        if (error instanceof SocketTimeoutException) {
            return Outcome.CONNECT_TIMEOUT; // SYN unanswered: a filtering firewall or a dead host
        }
        // ConnectException is a RST. NoRouteToHostException and "Network is unreachable" are ICMP
        // rejections: an active "no" from the network rather than silence, so they share the outcome
        // (the detail says which). Outcome has no CONNECT_UNREACHABLE yet.
        return Outcome.CONNECT_REFUSED;
    }

    private static Outcome handshakeOutcome(Throwable error) {
        if (error instanceof SocketTimeoutException) {
            return Outcome.HANDSHAKE_TIMEOUT; // read timeout: connected, but the server went quiet
        }
        // Netty's verdict when the first bytes back are no TLS record (HTTP, SSH banner, ...); the JDK's
        // record reader says the same in words; BoringSSL when a record header carries no TLS version.
        if (inCauses(error, NotSslRecordException.class)) {
            return Outcome.NOT_TLS;
        }
        String messages = messages(error);
        if (messages.contains("plaintext connection")
                || messages.contains("unrecognized ssl message")
                || messages.contains("wrong_version_number")) {
            return Outcome.NOT_TLS;
        }
        // A protocol_version alert from the server (BoringSSL: TLSV1_ALERT_PROTOCOL_VERSION), our client
        // refusing the version the server picked (UNSUPPORTED_PROTOCOL), or no cipher suite usable with
        // the one version we enabled.
        if (messages.contains("protocol_version")
                || messages.contains("unsupported_protocol")
                || messages.contains("no appropriate protocol")
                || messages.contains("not accepted by client preferences")) {
            return Outcome.PROTOCOL_NOT_SUPPORTED;
        }
        // Other alerts (handshake_failure, unrecognized_name, ...), hang-ups and resets mid-handshake.
        return Outcome.HANDSHAKE_FAILED;
    }

    /**
     * True for errors that are our bugs rather than server behaviour. The TLS stack turns a RuntimeException from
     * our trust manager into an SSLException, so a nested one counts when staplescan code threw it.
     */
    static boolean isOurDefect(Throwable error) {
        if (error instanceof DecoderException) {
            // Netty's codec reports what it read from the peer as a DecoderException (a RuntimeException),
            // e.g. NotSslRecordException for an HTTP answer: the server's doing unless we threw a cause.
            return causedByUs(error);
        }
        if (error instanceof RuntimeException || error instanceof Error) {
            return true;
        }
        return causedByUs(error);
    }

    private static boolean causedByUs(Throwable error) {
        int depth = 0;
        for (Throwable t = error.getCause(); t != null && depth < MAX_CAUSES; t = t.getCause(), depth++) {
            if ((t instanceof RuntimeException || t instanceof Error) && thrownByUs(t)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Our code sits both above the TLS stack (the trust manager it calls back) and below it (the code
     * that starts the handshake). The throw site is ours when a staplescan frame comes before any frame
     * of the TLS stack.
     */
    private static boolean thrownByUs(Throwable t) {
        for (StackTraceElement frame : t.getStackTrace()) {
            String cls = frame.getClassName();
            if (cls.startsWith(OUR_PACKAGE)) {
                return true;
            }
            if (TLS_PACKAGES.stream().anyMatch(cls::startsWith)) {
                return false;
            }
        }
        return false;
    }

    private static boolean inCauses(Throwable error, Class<? extends Throwable> type) {
        int depth = 0;
        for (Throwable t = error; t != null && depth < MAX_CAUSES; t = t.getCause(), depth++) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** All messages along the cause chain, lower case, for the message rules above. */
    private static String messages(Throwable error) {
        StringBuilder sb = new StringBuilder();
        int depth = 0;
        for (Throwable t = error; t != null && depth < MAX_CAUSES; t = t.getCause(), depth++) {
            if (t.getMessage() != null) {
                sb.append(t.getMessage()).append('\n');
            }
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    /** {@code Class: message; caused by Class: message ...}, bounded. */
    static String describe(Throwable error) {
        StringBuilder sb = new StringBuilder();
        int depth = 0;
        for (Throwable t = error; t != null && depth < MAX_CAUSES; t = t.getCause(), depth++) {
            if (depth > 0) {
                sb.append("; caused by ");
            }
            sb.append(t.getClass().getName());
            if (t.getMessage() != null) {
                sb.append(": ").append(t.getMessage());
            }
        }
        return truncate(sb.toString(), MAX_DETAIL);
    }

    private static String stackTrace(Throwable error) {
        StringWriter out = new StringWriter();
        error.printStackTrace(new PrintWriter(out));
        return truncate(out.toString(), MAX_TRACE);
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + " ...[truncated]";
    }

    /** Evidence for a resolver wait that gave up; kept here so every error text is made in one place. */
    static Mapped resolveTimeout(String host, long millis) {
        return new Mapped(
                Outcome.DNS_FAILURE,
                TimeoutException.class.getName() + ": lookup of " + host + " took longer than " + millis + " ms");
    }
}
