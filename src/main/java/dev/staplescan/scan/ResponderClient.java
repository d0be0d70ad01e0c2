package dev.staplescan.scan;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * POSTs one OCSP request to a responder (RFC 6960 Appendix A.1, {@code application/ocsp-request})
 * and records what came back. The URL comes from an untrusted certificate, so: only {@code http}
 * and {@code https}, no redirects at all (a 3xx is recorded, never followed), no proxy, a size
 * limit on the answer and one deadline for connect, headers and body together. Thread-safe; one
 * per run.
 */
final class ResponderClient implements AutoCloseable {

    /**
     * What one POST produced.
     *
     * @param outcome       how it ended
     * @param httpStatus    the status code, or -1 without a response
     * @param body          the body, or {@code null} without one
     * @param elapsedMillis from sending to the end of the body (or failure)
     * @param error         the reason when not {@link QueryOutcome#ANSWERED}; {@code null} otherwise
     */
    record Result(QueryOutcome outcome, int httpStatus, byte[] body, long elapsedMillis, String error) {}

    private static final int MAX_ERROR = 300;

    private final HttpClient http;
    private final Duration timeout;
    private final int maxBytes;

    ResponderClient(Duration timeout, int maxBytes) {
        this.timeout = timeout;
        this.maxBytes = maxBytes;
        this.http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .proxy(HttpClient.Builder.NO_PROXY)
                // OCSP over HTTP is HTTP/1.x (RFC 6960 Appendix A); no h2c upgrade dance.
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .build();
    }

    /**
     * The URL as a URI if we may query it: {@code http} or {@code https} with a host. Anything else
     * ({@code ldap:}, {@code file:}, {@code jar:}, relative or unparseable text) is {@code null}.
     */
    static URI allowed(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean web = scheme.equals("http") || scheme.equals("https");
            return web && uri.getHost() != null && uri.getRawUserInfo() == null ? uri : null;
        } catch (URISyntaxException e) {
            // A CA (or a forger) put text in AIA that is no URI: nothing we can ask.
            return null;
        }
    }

    /** Sends the request; never throws for anything the responder does. */
    Result post(URI uri, byte[] request) {
        long start = System.nanoTime();
        HttpRequest req = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", "application/ocsp-request")
                .header("Accept", "application/ocsp-response")
                .POST(HttpRequest.BodyPublishers.ofByteArray(request))
                .build();
        CompletableFuture<HttpResponse<byte[]>> pending = http.sendAsync(
                req,
                info -> isRedirect(info.statusCode())
                        ? HttpResponse.BodySubscribers.replacing(null)
                        : new LimitedBody(
                                maxBytes,
                                info.headers()
                                        .firstValueAsLong("Content-Length")
                                        .orElse(-1)));
        try {
            HttpResponse<byte[]> response = pending.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            long elapsed = Deadline.millisSince(start);
            if (isRedirect(response.statusCode())) {
                String location = response.headers().firstValue("Location").orElse("(no Location header)");
                return new Result(
                        QueryOutcome.REDIRECTED,
                        response.statusCode(),
                        null,
                        elapsed,
                        cut("HTTP " + response.statusCode() + " redirect to " + location + " not followed"));
            }
            return new Result(QueryOutcome.ANSWERED, response.statusCode(), response.body(), elapsed, null);
        } catch (TimeoutException e) {
            // A responder that accepts and drips or never answers: give up at the deadline.
            pending.cancel(true);
            return failed(QueryOutcome.TIMEOUT, start, "no complete answer within " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw new CancellationException("responder query to " + uri + " interrupted");
        } catch (ExecutionException e) {
            return mapFailure(e.getCause(), start);
        }
    }

    private Result mapFailure(Throwable cause, long start) {
        if (cause instanceof LimitedBody.TooLargeException) {
            // A responder (or anything at that URL) sending more than any OCSP response needs.
            return failed(QueryOutcome.TOO_LARGE, start, cause.getMessage());
        }
        if (cause instanceof HttpTimeoutException) {
            // Connect or header timeout enforced by the client itself (HttpConnectTimeoutException is one).
            return failed(QueryOutcome.TIMEOUT, start, describe(cause));
        }
        if (cause instanceof ConnectException) {
            // Refused, unreachable, or a name that does not resolve (UnresolvedAddressException as cause).
            return failed(QueryOutcome.CONNECT_FAILED, start, describe(cause));
        }
        if (cause instanceof SSLException || cause instanceof IOException) {
            // Reset, closed before the answer, not HTTP, or an https responder whose TLS handshake failed.
            return failed(QueryOutcome.IO_ERROR, start, describe(cause));
        }
        // Anything else is a defect of ours (a bad header, a bug in the body handler).
        return failed(QueryOutcome.INTERNAL_ERROR, start, "internal error in staplescan: " + describe(cause));
    }

    private static Result failed(QueryOutcome outcome, long start, String error) {
        return new Result(outcome, -1, null, Deadline.millisSince(start), cut(error));
    }

    private static boolean isRedirect(int status) {
        return status >= 300 && status < 400;
    }

    private static String describe(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
        return root == t
                ? text
                : text + " (" + root.getClass().getSimpleName()
                        + (root.getMessage() == null ? "" : ": " + root.getMessage()) + ")";
    }

    private static String cut(String s) {
        return s.length() <= MAX_ERROR ? s : s.substring(0, MAX_ERROR);
    }

    /** Stops the client; queries in flight fail. */
    @Override
    public void close() {
        http.shutdownNow();
    }
}
