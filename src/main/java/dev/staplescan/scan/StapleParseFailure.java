package dev.staplescan.scan;

import java.util.Locale;
import java.util.Set;

/**
 * Recognises a handshake that the JDK client aborted because the server's staple could not be
 * parsed, as opposed to a server that closed the connection or sent a TLS alert.
 *
 * <p>Why this is needed: under TLS 1.3 SunJSSE parses the staple while it reads the leaf's
 * CertificateEntry ({@code CertStatusExtension$CTCertStatusResponseConsumer} builds a
 * {@code sun.security.provider.certpath.OCSPResponse}). A parse error escapes the handshake as
 * <ul>
 *   <li>an {@code EOFException("not enough content")} from the DER decoder when a length runs past the
 *       data; SunJSSE treats every EOFException as the peer hanging up and reports
 *       {@code SSLHandshakeException("Remote host terminated the handshake")}, the misleading message
 *       STACK-NOTES mentions;</li>
 *   <li>another {@code IOException} from the DER decoder, wrapped in {@code SSLException("readHandshakeRecord")};</li>
 *   <li>{@code SSLProtocolException("Invalid OCSP status response: insufficient data")} for an empty response.</li>
 * </ul>
 * Under TLS 1.2 the client keeps the raw bytes without parsing them (assessment judges them), except an
 * empty CertificateStatus, which fails with {@code "Zero-length OCSP Response"}.
 *
 * <p>How we tell: a throwable in the cause chain was thrown while one of the JDK's staple parsers was on
 * the stack. A real hang-up carries {@code EOFException("SSL peer shut down incorrectly")} thrown by the
 * record reader instead, with none of these frames. Verified against JDK 25 (see
 * {@code ScannerStapleIT}); if a JDK renames these classes the frames stop matching, the message check
 * below still catches the explicit cases, and the EOF case degrades to HANDSHAKE_FAILED, which the IT
 * would reveal.
 */
final class StapleParseFailure {

    /** JDK classes that parse a stapled OCSP response on the client side. */
    private static final Set<String> STAPLE_PARSERS = Set.of(
            "sun.security.provider.certpath.OCSPResponse", // DER decoding of the response
            "sun.security.ssl.CertStatusExtension$OCSPStatusResponse", // TLS 1.3 CertificateEntry status_request
            "sun.security.ssl.CertStatusExtension$CertStatusResponseSpec", // its status_type + length framing
            "sun.security.ssl.CertificateStatus$CertificateStatusMessage"); // TLS 1.2 CertificateStatus message

    /** Fallback when stack traces are unavailable (-XX:-StackTraceInThrowable): the JDK's own messages. */
    private static final String[] MESSAGES = {
        "invalid ocsp status response",
        "zero-length ocsp response",
        "bad encoding in ocsp response",
        "invalid status_request extension: insufficient data",
        "unknown ocspresponse status"
    };

    private static final int MAX_CAUSES = 16; // a cause cycle must not loop forever

    private StapleParseFailure() {}

    /** True when {@code error} (or one of its causes) arose while the JDK was parsing a staple. */
    static boolean isStapleParseFailure(Throwable error) {
        int depth = 0;
        for (Throwable t = error; t != null && depth < MAX_CAUSES; t = t.getCause(), depth++) {
            for (StackTraceElement frame : t.getStackTrace()) {
                if (STAPLE_PARSERS.contains(frame.getClassName())) {
                    return true;
                }
            }
            String message = t.getMessage();
            if (message != null) {
                String lower = message.toLowerCase(Locale.ROOT);
                for (String known : MESSAGES) {
                    if (lower.contains(known)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
