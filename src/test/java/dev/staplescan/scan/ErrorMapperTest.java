package dev.staplescan.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.staplescan.scan.ErrorMapper.Step;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.ssl.NotSslRecordException;
import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.BufferUnderflowException;
import java.nio.channels.ClosedChannelException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/** The exceptions are shaped like the ones JDK 25 throws (messages, causes, throw sites). */
class ErrorMapperTest {

    private static Outcome map(Step step, Throwable t) {
        return ErrorMapper.map(step, t, false).outcome();
    }

    /** Pretends {@code t} was thrown from {@code className}, on top of a JSSE handshake. */
    private static <T extends Throwable> T thrownIn(T t, String className) {
        t.setStackTrace(new StackTraceElement[] {
            new StackTraceElement(className, "<init>", "X.java", 1),
            new StackTraceElement("sun.security.ssl.SSLSocketImpl", "startHandshake", "SSLSocketImpl.java", 1),
            new StackTraceElement("dev.staplescan.scan.TlsProbe", "handshake", "TlsProbe.java", 1)
        });
        return t;
    }

    @Test
    void unknownHostIsDnsFailure() {
        assertEquals(Outcome.DNS_FAILURE, map(Step.RESOLVE, new UnknownHostException("nx.invalid")));
    }

    @Test
    void connectFailuresSplitIntoRefusedAndTimeout() {
        assertEquals(Outcome.CONNECT_REFUSED, map(Step.CONNECT, new ConnectException("Connection refused")));
        assertEquals(Outcome.CONNECT_REFUSED, map(Step.CONNECT, new NoRouteToHostException("No route to host")));
        assertEquals(Outcome.CONNECT_REFUSED, map(Step.CONNECT, new SocketException("Network is unreachable")));
        assertEquals(Outcome.CONNECT_TIMEOUT, map(Step.CONNECT, new SocketTimeoutException("Connect timed out")));
    }

    @Test
    void readTimeoutDuringHandshakeIsHandshakeTimeout() {
        assertEquals(Outcome.HANDSHAKE_TIMEOUT, map(Step.HANDSHAKE, new SocketTimeoutException("Read timed out")));
    }

    @Test
    void ourDeadlineMakesWhateverFollowsATimeoutOfThatStep() {
        SocketException closedByWatchdog = new SocketException("Socket closed");

        assertEquals(
                Outcome.HANDSHAKE_TIMEOUT,
                ErrorMapper.map(Step.HANDSHAKE, closedByWatchdog, true).outcome());
        assertEquals(
                Outcome.CONNECT_TIMEOUT,
                ErrorMapper.map(Step.CONNECT, closedByWatchdog, true).outcome());
        assertEquals(
                Outcome.HANDSHAKE_FAILED,
                ErrorMapper.map(Step.HANDSHAKE, closedByWatchdog, false).outcome());
    }

    @Test
    void plaintextRepliesAreNotTls() {
        assertEquals(
                Outcome.NOT_TLS,
                map(Step.HANDSHAKE, new SSLException("Unrecognized SSL message, plaintext connection?")));
        assertEquals(Outcome.NOT_TLS, map(Step.HANDSHAKE, new SSLException("Unsupported or unrecognized SSL message")));
        assertEquals(
                Outcome.NOT_TLS,
                map(
                        Step.HANDSHAKE,
                        new SSLException("Unrecognized record version (D)TLS-0.0 , plaintext connection?")));
    }

    @Test
    void versionRefusalsAreProtocolNotSupported() {
        assertEquals(
                Outcome.PROTOCOL_NOT_SUPPORTED,
                map(Step.HANDSHAKE, new SSLHandshakeException("Received fatal alert: protocol_version")));
        assertEquals(
                Outcome.PROTOCOL_NOT_SUPPORTED,
                map(
                        Step.HANDSHAKE,
                        new SSLHandshakeException(
                                "(protocol_version) The server selected protocol version TLS12 is not accepted by client preferences [TLS13]")));
        assertEquals(
                Outcome.PROTOCOL_NOT_SUPPORTED,
                map(
                        Step.HANDSHAKE,
                        new SSLHandshakeException(
                                "No appropriate protocol (protocol is disabled or cipher suites are inappropriate)")));
    }

    @Test
    void otherAlertsAndHangUpsAreHandshakeFailed() {
        SSLHandshakeException hangUp = new SSLHandshakeException("Remote host terminated the handshake");
        hangUp.initCause(
                thrownIn(new EOFException("SSL peer shut down incorrectly"), "sun.security.ssl.SSLSocketInputRecord"));

        assertEquals(Outcome.HANDSHAKE_FAILED, map(Step.HANDSHAKE, hangUp));
        assertEquals(
                Outcome.HANDSHAKE_FAILED,
                map(Step.HANDSHAKE, new SSLHandshakeException("Received fatal alert: handshake_failure")));
        assertEquals(Outcome.HANDSHAKE_FAILED, map(Step.HANDSHAKE, new SocketException("Connection reset")));
    }

    @Test
    void boringSslProtocolRefusalsAreProtocolNotSupported() {
        SSLHandshakeException serverRefused =
                new SSLHandshakeException("error:1000042e:SSL routines:OPENSSL_internal:TLSV1_ALERT_PROTOCOL_VERSION");
        SSLHandshakeException weRefused =
                new SSLHandshakeException("error:100000f0:SSL routines:OPENSSL_internal:UNSUPPORTED_PROTOCOL");

        assertEquals(Outcome.PROTOCOL_NOT_SUPPORTED, map(Step.HANDSHAKE, serverRefused));
        assertEquals(Outcome.PROTOCOL_NOT_SUPPORTED, map(Step.HANDSHAKE, weRefused));
    }

    @Test
    void nettyAndBoringSslNotTlsAnswersAreNotTls() {
        NotSslRecordException banner = new NotSslRecordException("not an SSL/TLS record: 485454502f312e31");
        SSLHandshakeException wrapped = new SSLHandshakeException("General OpenSslEngine problem");
        wrapped.initCause(banner);

        assertEquals(Outcome.NOT_TLS, map(Step.HANDSHAKE, banner));
        assertEquals(Outcome.NOT_TLS, map(Step.HANDSHAKE, wrapped));
        assertEquals(
                Outcome.NOT_TLS,
                map(
                        Step.HANDSHAKE,
                        new SSLHandshakeException(
                                "error:100000f7:SSL routines:OPENSSL_internal:WRONG_VERSION_NUMBER")));
    }

    @Test
    void boringSslAlertsAndHangUpsAreHandshakeFailed() {
        assertEquals(
                Outcome.HANDSHAKE_FAILED,
                map(
                        Step.HANDSHAKE,
                        new SSLHandshakeException(
                                "error:10000410:SSL routines:OPENSSL_internal:SSLV3_ALERT_HANDSHAKE_FAILURE")));
        assertEquals(
                Outcome.HANDSHAKE_FAILED,
                map(
                        Step.HANDSHAKE,
                        new SSLHandshakeException("Connection closed while SSL/TLS handshake was in progress")));
        assertEquals(Outcome.HANDSHAKE_FAILED, map(Step.HANDSHAKE, new ClosedChannelException()));
    }

    @Test
    void nettyConnectTimeoutIsATimeoutOnlyAsOurDeadline() {
        // Netty's ConnectTimeoutException is a ConnectException: the probe passes it as our deadline.
        ConnectTimeoutException silent = new ConnectTimeoutException("connection timed out after 2000 ms");

        assertEquals(
                Outcome.CONNECT_TIMEOUT,
                ErrorMapper.map(Step.CONNECT, silent, true).outcome());
        assertEquals(Outcome.CONNECT_REFUSED, map(Step.CONNECT, new ConnectException("Connection refused")));
    }

    @Test
    void aMalformedStapleIsNoLongerAHandshakeOutcome() {
        // The JDK fallback still aborts TLS 1.3 on a staple it cannot parse; without the old stack-frame
        // heuristic that is a failed handshake. On BoringSSL the staple comes back as bytes for ocsp/.
        SSLHandshakeException misleading = new SSLHandshakeException("Remote host terminated the handshake");
        misleading.initCause(
                thrownIn(new EOFException("not enough content"), "sun.security.provider.certpath.OCSPResponse"));

        assertEquals(Outcome.HANDSHAKE_FAILED, map(Step.HANDSHAKE, misleading));
    }

    @Test
    void ourRuntimeExceptionsAreInternalErrorsWithTheTrace() {
        ErrorMapper.Mapped m = ErrorMapper.map(Step.HANDSHAKE, new NullPointerException("oops"), false);

        assertEquals(Outcome.INTERNAL_ERROR, m.outcome());
        assertTrue(m.detail().contains("java.lang.NullPointerException: oops"), m.detail());
        assertTrue(m.detail().contains("\tat "), "stack trace expected: " + m.detail());
    }

    @Test
    void ourBugInsideAJsseCallbackIsAnInternalError() {
        IllegalStateException inTrustManager =
                thrownIn(new IllegalStateException("unregistered socket"), "dev.staplescan.scan.CapturingTrustManager");

        assertEquals(
                Outcome.INTERNAL_ERROR,
                map(Step.HANDSHAKE, new SSLHandshakeException("Unexpected rethrowing").initCause(inTrustManager)));
    }

    @Test
    void aJdkRuntimeExceptionOnServerGarbageIsTheServersFault() {
        BufferUnderflowException inJsse = thrownIn(new BufferUnderflowException(), "sun.security.ssl.ServerHello");

        assertEquals(Outcome.HANDSHAKE_FAILED, map(Step.HANDSHAKE, new SSLException("decode", inJsse)));
    }

    @Test
    void detailCarriesTheCauseChain() {
        SSLHandshakeException e = new SSLHandshakeException("Remote host terminated the handshake");
        e.initCause(new EOFException("SSL peer shut down incorrectly"));

        assertEquals(
                "javax.net.ssl.SSLHandshakeException: Remote host terminated the handshake; "
                        + "caused by java.io.EOFException: SSL peer shut down incorrectly",
                ErrorMapper.map(Step.HANDSHAKE, e, false).detail());
    }
}
