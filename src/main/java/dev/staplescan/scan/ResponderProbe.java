package dev.staplescan.scan;

import dev.staplescan.cert.Certificates;
import dev.staplescan.cert.LeafExtensions;
import dev.staplescan.ocsp.Issuer;
import dev.staplescan.ocsp.IssuerLocator;
import dev.staplescan.ocsp.OcspRequests;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.ByteBuffer;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.function.Function;
import javax.security.auth.x500.X500Principal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live responder query (SPEC §4.4): for each distinct leaf an endpoint presented in a completed
 * handshake, asks the OCSP responder named in the leaf's AIA and records the answer on the
 * {@link Observation}. The CertID needs the issuer: taken from the presented chain, else from the
 * trust anchors, else the query is recorded as not made ({@link QueryOutcome#ISSUER_UNKNOWN}).
 * Answers are cached for the run ({@link ResponderCache}). Nothing is judged here.
 *
 * <p>Thread-safe; one per run, shared by every scan thread. {@link #close()} releases the HTTP client.
 */
public final class ResponderProbe implements AutoCloseable {

    /** Distinct leaves asked about per endpoint; more would let one odd load balancer fan out queries. */
    static final int MAX_LEAVES = 4;

    private static final Logger log = LoggerFactory.getLogger(ResponderProbe.class);

    private final ResponderOptions options;
    private final Function<X500Principal, List<X509Certificate>> anchors;
    private final ResponderClient client;
    private final ResponderCache cache;

    /**
     * @param options what to do (when not enabled, {@link #probe} returns observations unchanged)
     * @param anchors trust anchor certificates by subject, to find an issuer the server did not send
     */
    public ResponderProbe(ResponderOptions options, Function<X500Principal, List<X509Certificate>> anchors) {
        this.options = Objects.requireNonNull(options, "options");
        this.anchors = Objects.requireNonNull(anchors, "anchors");
        this.client = new ResponderClient(options.timeout(), options.maxResponseBytes());
        this.cache = new ResponderCache(options.cacheSize());
    }

    public ResponderOptions options() {
        return options;
    }

    /**
     * The observation with one answer per distinct leaf (of completed handshakes) that names an OCSP
     * URL. Blocking, bounded by the responder timeout (plus waiting for another thread's identical
     * query). Never throws for anything a responder does.
     *
     * @throws CancellationException when the calling thread is interrupted (the job is stopping)
     */
    public Observation probe(Observation observation) {
        if (!options.enabled()) {
            return observation;
        }
        Map<ByteBuffer, List<byte[]>> chainByLeaf = new LinkedHashMap<>();
        for (Handshake h : observation.handshakes()) {
            if (h.completed() && !h.chain().isEmpty() && chainByLeaf.size() < MAX_LEAVES) {
                chainByLeaf.putIfAbsent(ByteBuffer.wrap(h.chain().get(0)), h.chain());
            }
        }
        List<ResponderAnswer> answers = new ArrayList<>();
        for (List<byte[]> chain : chainByLeaf.values()) {
            ResponderAnswer a = answerSafely(chain);
            if (a != null) {
                answers.add(a);
            }
        }
        return answers.isEmpty() ? observation : observation.withResponderAnswers(answers);
    }

    /** Our bug boundary (STYLE habit 4): a defect becomes an INTERNAL_ERROR answer with its trace. */
    private ResponderAnswer answerSafely(List<byte[]> chainDer) {
        try {
            return answer(chainDer);
        } catch (CancellationException stopping) {
            throw stopping;
        } catch (RuntimeException defect) {
            log.warn("internal error in the responder query", defect);
            StringWriter trace = new StringWriter();
            defect.printStackTrace(new PrintWriter(trace));
            return ResponderAnswer.notQueried(
                    "", "", "", QueryOutcome.INTERNAL_ERROR, Instant.now(), "internal error in staplescan: " + trace);
        }
    }

    /** The answer about one leaf, or {@code null} when the leaf names no OCSP responder. */
    private ResponderAnswer answer(List<byte[]> chainDer) {
        List<X509Certificate> chain = Certificates.parse(chainDer);
        X509Certificate leaf = chain.get(0);
        List<String> urls = LeafExtensions.ocspUrls(leaf);
        if (urls.isEmpty()) {
            return null; // OCSP_NOT_OFFERED is assessment's business; there is nobody to ask
        }
        String serial = leaf.getSerialNumber().toString(16).toUpperCase(Locale.ROOT);
        Issuer issuer = IssuerLocator.locate(leaf, chain, anchors.apply(leaf.getIssuerX500Principal()));
        if (!issuer.found()) {
            return ResponderAnswer.notQueried(
                    urls.get(0),
                    serial,
                    "",
                    QueryOutcome.ISSUER_UNKNOWN,
                    Instant.now(),
                    "could not query: issuer unknown (not sent by the server, not a trust anchor)");
        }
        OcspRequests.Request request = OcspRequests.forCertificate(leaf, issuer.certificate());
        URI uri = urls.stream()
                .map(ResponderClient::allowed)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
        if (uri == null) {
            return ResponderAnswer.notQueried(
                    urls.get(0),
                    serial,
                    request.issuerKeyHash(),
                    QueryOutcome.URL_REFUSED,
                    Instant.now(),
                    "not queried: no http or https OCSP URL in " + urls);
        }
        String url = uri.toString();
        return cache.get(new ResponderCache.Key(request.issuerKeyHash(), serial, url), () -> {
            Instant at = Instant.now();
            ResponderClient.Result r = client.post(uri, request.der());
            log.debug(
                    "responder {} for serial {}: {} HTTP {} in {} ms",
                    url,
                    serial,
                    r.outcome(),
                    r.httpStatus(),
                    r.elapsedMillis());
            return new ResponderAnswer(
                    url,
                    serial,
                    request.issuerKeyHash(),
                    r.outcome(),
                    r.httpStatus(),
                    r.body(),
                    at,
                    r.elapsedMillis(),
                    r.error());
        });
    }

    /** Queries sent so far (cache misses), for tests and benchmarks. */
    public long queriesSent() {
        return cache.queries();
    }

    @Override
    public void close() {
        client.close();
    }
}
