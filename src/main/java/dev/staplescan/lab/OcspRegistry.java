package dev.staplescan.lab;

import dev.staplescan.lab.pki.CertStatus;
import dev.staplescan.lab.pki.CertificateAuthority;
import dev.staplescan.lab.pki.IssuedCert;
import dev.staplescan.lab.pki.OcspResponses;
import dev.staplescan.lab.pki.OcspSpec;
import java.io.IOException;
import java.math.BigInteger;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.operator.bc.BcDigestCalculatorProvider;

/**
 * What the lab's OCSP responder knows: a status and a signer per certificate serial, and the CAs it
 * answers for. Pure (no sockets), so answers are testable without HTTP. Thread-safe.
 */
public final class OcspRegistry {

    /** Live answers are valid for a day; thisUpdate is backdated a minute to tolerate clock skew. */
    private static final Duration VALIDITY = Duration.ofDays(1);

    private static final Duration BACKDATE = Duration.ofMinutes(1);

    /**
     * Who signs the answers about a certificate.
     *
     * @param certificate whose key hash becomes the ResponderID
     * @param key         the signing key
     * @param included    certificates sent in the response (a delegated responder sends its own)
     */
    public record Signer(X509Certificate certificate, PrivateKey key, List<X509Certificate> included) {
        public Signer {
            included = List.copyOf(included);
        }

        /** The issuing CA signs itself (RFC 6960 section 4.2.2.2, first case); no certificates included. */
        public static Signer issuer(CertificateAuthority ca) {
            return new Signer(ca.certificate(), ca.privateKey(), List.of());
        }

        /** A delegated responder signs and includes its certificate so clients can check its EKU. */
        public static Signer delegated(IssuedCert responder) {
            return new Signer(responder.certificate(), responder.privateKey(), List.of(responder.certificate()));
        }
    }

    private record Entry(CertificateAuthority issuer, CertStatus status, Instant revokedAt, Signer signer) {}

    private final Map<BigInteger, Entry> bySerial = new ConcurrentHashMap<>();
    private final List<CertificateAuthority> issuers = new CopyOnWriteArrayList<>();

    /** Answers for this CA's certificates; serials never registered are answered {@code unknown}. */
    public void addIssuer(CertificateAuthority ca) {
        if (!issuers.contains(ca)) {
            issuers.add(ca);
        }
    }

    /** Records a status for a certificate, signed by its issuer. */
    public void register(IssuedCert cert, CertStatus status, Instant revokedAt) {
        register(cert, status, revokedAt, Signer.issuer(cert.issuer()));
    }

    /** Records a status for a certificate and who signs answers about it (replacing any earlier record). */
    public void register(IssuedCert cert, CertStatus status, Instant revokedAt, Signer signer) {
        if (cert.issuer() == null) {
            throw new IllegalArgumentException("a self-signed certificate has no OCSP responder");
        }
        addIssuer(cert.issuer());
        bySerial.put(cert.certificate().getSerialNumber(), new Entry(cert.issuer(), status, revokedAt, signer));
    }

    /**
     * The DER OCSPResponse for a DER OCSPRequest: malformedRequest (1) when it does not parse or
     * asks nothing, unauthorized (6) when no known CA matches the CertID's issuer hashes (RFC 6960
     * section 2.3), otherwise a signed answer about the first CertID (lab clients ask one at a time).
     */
    public byte[] answer(byte[] requestDer) {
        Req[] requests;
        try {
            requests = new OCSPReq(requestDer).getRequestList();
        } catch (IOException | RuntimeException e) {
            // Garbage from a client: BC throws IOException, or IllegalArgumentException/ClassCastException
            // from ASN.1 parsing of a well-formed but wrong structure.
            return OcspResponses.error(OCSPRespBuilder.MALFORMED_REQUEST);
        }
        if (requests.length == 0) {
            return OcspResponses.error(OCSPRespBuilder.MALFORMED_REQUEST);
        }
        CertificateID id = requests[0].getCertID();
        Entry entry = bySerial.get(id.getSerialNumber());
        if (entry != null && matches(id, entry.issuer())) {
            return sign(id, entry.issuer(), entry.status(), entry.revokedAt(), entry.signer());
        }
        for (CertificateAuthority ca : issuers) {
            if (matches(id, ca)) {
                return sign(id, ca, CertStatus.UNKNOWN, null, Signer.issuer(ca));
            }
        }
        return OcspResponses.error(OCSPRespBuilder.UNAUTHORIZED);
    }

    private static byte[] sign(
            CertificateID id, CertificateAuthority ca, CertStatus status, Instant revokedAt, Signer signer) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        OcspSpec spec = new OcspSpec(
                null,
                ca.certificate(),
                status,
                revokedAt,
                now.minus(BACKDATE),
                now.plus(VALIDITY),
                signer.certificate(),
                signer.key(),
                signer.included(),
                false);
        return OcspResponses.build(spec, id);
    }

    private static boolean matches(CertificateID id, CertificateAuthority ca) {
        try {
            return id.matchesIssuer(new JcaX509CertificateHolder(ca.certificate()), new BcDigestCalculatorProvider());
        } catch (OCSPException e) {
            // A CertID hashed with an algorithm BC does not know cannot be ours.
            return false;
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("lab CA certificate does not encode", e);
        }
    }
}
