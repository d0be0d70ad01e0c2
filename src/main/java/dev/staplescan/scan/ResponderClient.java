package dev.staplescan.scan;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * POSTs one OCSP request (RFC 6960 Appendix A.1, {@code application/ocsp-request}) to exactly the
 * address the caller checked against the responder policy, and records what came back. The URL comes
 * from a certificate, so: no redirects at all (a 3xx is recorded, never followed), no proxy, no second
 * name lookup, a size limit on the answer, and one deadline for connect, TLS, request and answer
 * together (a timer closes the socket when it passes, so a responder that drips bytes cannot hold the
 * query). Error texts are ours and never quote what the other side sent. Thread-safe; one per run.
 */
final class ResponderClient implements AutoCloseable {

    /**
     * What one POST produced.
     *
     * @param outcome       how it ended
     * @param httpStatus    the status code, or -1 without a response
     * @param body          the body of an HTTP 200 answer; {@code null} otherwise
     * @param elapsedMillis from connecting to the end of the body (or failure)
     * @param error         the reason when not {@link QueryOutcome#ANSWERED}; for an answer other than
     *                      HTTP 200 its status, length and content type; {@code null} for HTTP 200
     */
    record Result(QueryOutcome outcome, int httpStatus, byte[] body, long elapsedMillis, String error) {}

    private static final int MAX_ERROR = 300;
    private static final int HTTP_OK = 200;

    private final Duration timeout;
    private final int maxBytes;
    private final SSLSocketFactory tls;
    private final ScheduledThreadPoolExecutor timer;

    /**
     * @param timeout  bound on one query (also each step's own timeout)
     * @param maxBytes answers longer than this are not read
     * @param tls      for {@code https} responders: trust and protocol settings
     */
    ResponderClient(Duration timeout, int maxBytes, SSLSocketFactory tls) {
        this.timeout = timeout;
        this.maxBytes = maxBytes;
        this.tls = tls;
        this.timer = new ScheduledThreadPoolExecutor(
                1,
                Thread.ofPlatform()
                        .name("staplescan-responder-deadline")
                        .daemon()
                        .factory());
        timer.setRemoveOnCancelPolicy(true);
    }

    /**
     * Sends the request to {@code address} (for {@code url}'s host, port, scheme and path). Never throws
     * for anything the responder does.
     *
     * @param deadline when the whole query must be over (it started with the name lookup)
     * @throws CancellationException when the calling thread is interrupted (the job is stopping)
     */
    Result post(ResponderUrl url, InetAddress address, byte[] request, Deadline deadline) {
        long start = System.nanoTime();
        if (deadline.expired()) {
            return failed(QueryOutcome.TIMEOUT, start, "no time left after the name lookup");
        }
        Socket raw = new Socket();
        AtomicBoolean fired = new AtomicBoolean();
        ScheduledFuture<?> alarm = timer.schedule(
                () -> {
                    fired.set(true);
                    closeQuietly(raw);
                },
                deadline.remainingMillis(),
                TimeUnit.MILLISECONDS);
        try (raw) {
            raw.connect(new InetSocketAddress(address, url.port()), deadline.clip(timeout));
            raw.setSoTimeout(deadline.clip(timeout));
            Socket s = url.https() ? handshake(raw, url) : raw;
            OcspHttp.writeRequest(s.getOutputStream(), url, request);
            OcspHttp.Response r = OcspHttp.read(new BufferedInputStream(s.getInputStream()), maxBytes);
            return answered(r, Deadline.millisSince(start));
        } catch (IOException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("responder query to " + url + " interrupted");
            }
            return fired.get() || e instanceof SocketTimeoutException
                    ? failed(QueryOutcome.TIMEOUT, start, "no complete answer within " + timeout.toMillis() + " ms")
                    : mapFailure(e, start);
        } finally {
            alarm.cancel(false);
        }
    }

    private Socket handshake(Socket raw, ResponderUrl url) throws IOException {
        boolean literal = url.host().startsWith("[") || HostNames.endsInNumber(url.host());
        String peer =
                url.host().startsWith("[") ? url.host().substring(1, url.host().length() - 1) : url.host();
        SSLSocket s = (SSLSocket) tls.createSocket(raw, peer, url.port(), true);
        SSLParameters p = s.getSSLParameters();
        p.setEndpointIdentificationAlgorithm("HTTPS"); // the responder's certificate must name the URL's host
        if (!literal) {
            p.setServerNames(List.of(new SNIHostName(url.host())));
        }
        s.setSSLParameters(p);
        s.startHandshake(); // each read bounded by the socket timeout, the whole by the deadline's timer
        return s;
    }

    private static Result answered(OcspHttp.Response r, long elapsed) {
        if (r.status() >= 300 && r.status() < 400) {
            String to = ResponderUrl.parse(r.location())
                    .map(ResponderUrl::origin)
                    .orElse(r.location().isEmpty() ? "(no Location header)" : "a location that is no http(s) URL");
            return new Result(
                    QueryOutcome.REDIRECTED,
                    r.status(),
                    null,
                    elapsed,
                    "HTTP " + r.status() + " redirect to " + to + " not followed");
        }
        if (r.status() != HTTP_OK) {
            // Not an OCSP answer: keep what describes it, never its content (SPEC §11).
            return new Result(QueryOutcome.ANSWERED, r.status(), null, elapsed, describe(r));
        }
        return new Result(QueryOutcome.ANSWERED, r.status(), r.body(), elapsed, null);
    }

    /** {@code HTTP 404, 1234 bytes, text/html}. */
    static String describe(OcspHttp.Response r) {
        String type = r.contentType().isEmpty()
                ? "no content type"
                : cut(r.contentType().replaceAll("[^ -~]", "?"));
        return "HTTP " + r.status() + ", " + r.body().length + " bytes, " + type;
    }

    private Result mapFailure(IOException e, long start) {
        if (e instanceof OcspHttp.TooLargeException || e instanceof OcspHttp.NotHttpException) {
            // Our own words: more than any OCSP response needs, or no HTTP at all (a port that speaks
            // another protocol). Never the bytes themselves.
            return failed(
                    e instanceof OcspHttp.TooLargeException ? QueryOutcome.TOO_LARGE : QueryOutcome.IO_ERROR,
                    start,
                    e.getMessage());
        }
        if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
            // Refused, or no route to the address.
            return failed(QueryOutcome.CONNECT_FAILED, start, "could not connect: " + e.getMessage());
        }
        if (e instanceof SSLException) {
            // An https responder whose TLS handshake failed (untrusted certificate, wrong name, not TLS).
            return failed(QueryOutcome.IO_ERROR, start, "TLS with the responder failed: " + e.getMessage());
        }
        if (e instanceof EOFException) {
            return failed(QueryOutcome.IO_ERROR, start, e.getMessage());
        }
        if (e instanceof InterruptedIOException) {
            return failed(QueryOutcome.TIMEOUT, start, "no complete answer within " + timeout.toMillis() + " ms");
        }
        // Reset or broken pipe.
        return failed(
                QueryOutcome.IO_ERROR,
                start,
                "the connection broke: " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    }

    private static Result failed(QueryOutcome outcome, long start, String error) {
        return new Result(outcome, -1, null, Deadline.millisSince(start), cut(error));
    }

    private static String cut(String s) {
        return s.length() <= MAX_ERROR ? s : s.substring(0, MAX_ERROR);
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException alreadyBroken) {
            // The connection was failing anyway; closing it was all the deadline wanted.
        }
    }

    /** Stops the deadline timer; queries in flight lose their hard deadline but keep their socket timeouts. */
    @Override
    public void close() {
        timer.shutdownNow();
    }
}
