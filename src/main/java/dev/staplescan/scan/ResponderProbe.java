package dev.staplescan.scan;

import dev.staplescan.cache.OnceCache;
import dev.staplescan.cert.Certificates;
import dev.staplescan.cert.ChainTrust;
import dev.staplescan.cert.ChainValidator;
import dev.staplescan.cert.LeafExtensions;
import dev.staplescan.cert.TrustStatus;
import dev.staplescan.ocsp.Issuer;
import dev.staplescan.ocsp.IssuerLocator;
import dev.staplescan.ocsp.OcspRequests;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import javax.security.auth.x500.X500Principal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live responder query (SPEC §4.4): for each distinct leaf an endpoint presented in a completed
 * handshake, asks the OCSP responder named in the leaf's AIA and records the answer on the
 * {@link Observation}. Nothing is judged here, but the URL comes from a certificate, so before anything
 * is sent (SPEC §11):
 *
 * <ol>
 *   <li>the presented chain must validate to a trust anchor ({@link ChainValidator}, cached per chain),
 *       so that a CA we trust chose the URL, not whoever runs a server on the list; otherwise
 *       {@link QueryOutcome#CHAIN_NOT_TRUSTED};</li>
 *   <li>the issuer must be known (the CertID hashes its key), else {@link QueryOutcome#ISSUER_UNKNOWN};</li>
 *   <li>the URL must be {@code http} or {@code https} with a host, else {@link QueryOutcome#URL_REFUSED};</li>
 *   <li>its host is turned into addresses once: a numeric spelling is normalised ({@link HostNames}), a
 *       name resolved once; every address must pass the {@link ResponderPolicy}, else
 *       {@link QueryOutcome#POLICY_REFUSED} and no connection is made;</li>
 *   <li>the request goes to exactly the first checked address ({@link ResponderClient}): no second
 *       lookup, so DNS rebinding cannot swap the address after the check.</li>
 * </ol>
 *
 * <p>Answers, refusals included, are cached for the run ({@link ResponderCache}). Thread-safe; one per
 * run, shared by every scan thread. {@link #close()} releases its threads.
 */
public final class ResponderProbe implements AutoCloseable {

    /** Distinct leaves asked about per endpoint; more would let one odd load balancer fan out queries. */
    static final int MAX_LEAVES = 4;

    private static final Logger log = LoggerFactory.getLogger(ResponderProbe.class);

    private final ResponderOptions options;
    private final Set<TrustAnchor> anchors;
    private final Function<X500Principal, List<X509Certificate>> anchorsBySubject;
    private final OnceCache<String, ChainTrust> trust;
    private final ResponderTarget targets;
    private final ResponderClient client;
    private final ResponderCache cache;
    private final AtomicLong sent = new AtomicLong();

    /**
     * @param options          what to do (when not enabled, {@link #probe} returns observations unchanged)
     * @param anchors          the run's trust anchors: a responder is asked only about a chain leading to one
     * @param anchorsBySubject trust anchor certificates by subject, to find an issuer the server did not send
     */
    public ResponderProbe(
            ResponderOptions options,
            Set<TrustAnchor> anchors,
            Function<X500Principal, List<X509Certificate>> anchorsBySubject) {
        this(options, anchors, anchorsBySubject, InetAddress::getAllByName);
    }

    /** With a stand-in for DNS, so tests can resolve names to loopback addresses (or rebind them). */
    ResponderProbe(
            ResponderOptions options,
            Set<TrustAnchor> anchors,
            Function<X500Principal, List<X509Certificate>> anchorsBySubject,
            Resolver.Lookup lookup) {
        this.options = Objects.requireNonNull(options, "options");
        this.anchors = Set.copyOf(anchors);
        this.anchorsBySubject = Objects.requireNonNull(anchorsBySubject, "anchorsBySubject");
        this.trust = new OnceCache<>(options.cacheSize());
        this.targets = new ResponderTarget(options.policy(), options.timeout(), lookup);
        this.client = new ResponderClient(
                options.timeout(), options.maxResponseBytes(), ResponderTls.socketFactory(this.anchors));
        this.cache = new ResponderCache(options.cacheSize());
    }

    public ResponderOptions options() {
        return options;
    }

    /**
     * The observation with one answer per distinct leaf (of completed handshakes) that names an OCSP
     * URL. Blocking, bounded by the responder timeout (plus waiting for another thread's identical
     * query). Never throws for anything a server or responder does.
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
        ChainTrust chainTrust = trust(chainDer, chain);
        if (chainTrust.status() != TrustStatus.TRUSTED) {
            return ResponderAnswer.notQueried(
                    urls.get(0),
                    serial,
                    "",
                    QueryOutcome.CHAIN_NOT_TRUSTED,
                    Instant.now(),
                    "not queried: chain not trusted (" + chainTrust.detail() + ")");
        }
        Issuer issuer = IssuerLocator.locate(leaf, chain, anchorsBySubject.apply(leaf.getIssuerX500Principal()));
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
        Optional<ResponderUrl> url =
                urls.stream().map(ResponderUrl::parse).flatMap(Optional::stream).findFirst();
        if (url.isEmpty()) {
            return ResponderAnswer.notQueried(
                    urls.get(0),
                    serial,
                    request.issuerKeyHash(),
                    QueryOutcome.URL_REFUSED,
                    Instant.now(),
                    "not queried: no http or https OCSP URL in " + urls);
        }
        return cache.get(
                new ResponderCache.Key(
                        request.issuerKeyHash(), serial, url.get().text()),
                () -> query(url.get(), serial, request));
    }

    /** Whether the chain as presented leads to a trust anchor; once per distinct chain for the run. */
    private ChainTrust trust(List<byte[]> der, List<X509Certificate> chain) {
        if (anchors.isEmpty()) {
            return new ChainTrust(TrustStatus.UNTRUSTED, List.of(), null, "no trust anchors");
        }
        return trust.get(chainKey(der), k -> ChainValidator.validate(chain, anchors, anchorsBySubject));
    }

    /** SHA-256 over the length-prefixed DER of every certificate, hex: a chain's identity for the trust cache. */
    private static String chainKey(List<byte[]> der) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            for (byte[] cert : der) {
                sha256.update(ByteBuffer.allocate(4).putInt(cert.length).array());
                sha256.update(cert);
            }
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is mandatory in every JDK", e);
        }
    }

    /** Resolves, checks and (when allowed) sends; every outcome is an answer, to be cached. */
    private ResponderAnswer query(ResponderUrl url, String serial, OcspRequests.Request request) {
        Instant at = Instant.now();
        Deadline deadline = Deadline.after(options.timeout());
        ResponderTarget.Target target = targets.target(url, deadline);
        if (target.refusal() != null) {
            log.debug("responder {} for serial {}: {}", url, serial, target.refusal());
            return ResponderAnswer.notQueried(
                    url.text(), serial, request.issuerKeyHash(), target.outcome(), at, target.refusal());
        }
        sent.incrementAndGet();
        ResponderClient.Result r = client.post(url, target.address(), request.der(), deadline);
        log.debug(
                "responder {} ({}) for serial {}: {} HTTP {} in {} ms",
                url,
                target.address().getHostAddress(),
                serial,
                r.outcome(),
                r.httpStatus(),
                r.elapsedMillis());
        return new ResponderAnswer(
                url.text(),
                serial,
                request.issuerKeyHash(),
                r.outcome(),
                r.httpStatus(),
                r.body(),
                at,
                r.elapsedMillis(),
                r.error());
    }

    /** Requests sent so far (refusals and cache hits send none), for tests and benchmarks. */
    public long queriesSent() {
        return sent.get();
    }

    @Override
    public void close() {
        client.close();
        targets.close();
    }
}
