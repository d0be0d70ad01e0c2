package dev.staplescan.ocsp;

import java.io.IOException;
import java.math.BigInteger;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.SingleResp;

/**
 * A successful basic OCSP response, parsed eagerly: BouncyCastle decodes nested fields lazily and
 * reports broken ones as unchecked exceptions, so every field is read once here, where a broken
 * one can be called "malformed".
 *
 * @param der        the whole response as stapled (identifies it for {@link SignatureCache})
 * @param basic      the response, for signature verification
 * @param producedAt producedAt
 * @param singles    every SingleResponse
 * @param included   the certificates in the response's {@code certs} field (RFC 6960 section 4.2.1)
 */
record ParsedStaple(
        byte[] der, BasicOCSPResp basic, Instant producedAt, List<Single> singles, List<X509Certificate> included) {

    /** One SingleResponse. {@code status == null} means good, as in BouncyCastle. */
    record Single(
            CertificateID certId,
            BigInteger serial,
            CertificateStatus status,
            Instant thisUpdate,
            Instant nextUpdate) {}

    /** Thrown when the bytes are not a usable OCSP response. */
    static final class MalformedException extends Exception {
        private static final long serialVersionUID = 1L;
        final ParseStatus status;

        MalformedException(ParseStatus status, String message, Throwable cause) {
            super(message, cause);
            this.status = status;
        }
    }

    /** Reads the outer OCSPResponse; a successful one must then go through {@link #parseBasic}. */
    static OCSPResp parseOuter(byte[] der) throws MalformedException {
        try {
            return new OCSPResp(der);
        } catch (IOException e) {
            // The server stapled bytes that are not DER or not an OCSPResponse (a stale file, HTML, garbage).
            throw new MalformedException(ParseStatus.MALFORMED, "not an OCSPResponse: " + e.getMessage(), e);
        }
    }

    static ParsedStaple parseBasic(byte[] der, OCSPResp response) throws MalformedException {
        Object content;
        try {
            content = response.getResponseObject();
        } catch (OCSPException e) {
            // responseBytes labelled id-pkix-ocsp-basic that do not decode as a BasicOCSPResponse.
            throw new MalformedException(ParseStatus.MALFORMED, "broken BasicOCSPResponse: " + e.getMessage(), e);
        }
        if (content == null) {
            throw new MalformedException(ParseStatus.MALFORMED, "successful status without responseBytes", null);
        }
        if (!(content instanceof BasicOCSPResp basic)) {
            throw new MalformedException(
                    ParseStatus.UNSUPPORTED_RESPONSE_TYPE, "responseType is not id-pkix-ocsp-basic", null);
        }
        try {
            List<Single> singles = new ArrayList<>();
            for (SingleResp s : basic.getResponses()) {
                CertificateID id = s.getCertID();
                singles.add(new Single(
                        id,
                        id.getSerialNumber(),
                        s.getCertStatus(),
                        s.getThisUpdate().toInstant(),
                        s.getNextUpdate() == null ? null : s.getNextUpdate().toInstant()));
            }
            Instant producedAt = basic.getProducedAt().toInstant();
            basic.getResponderId();
            return new ParsedStaple(der, basic, producedAt, singles, certificates(basic));
        } catch (IllegalArgumentException | IllegalStateException | ClassCastException e) {
            // BouncyCastle's lazy decoding of a broken SingleResponse, time or ResponderID.
            throw new MalformedException(ParseStatus.MALFORMED, "broken response data: " + e.getMessage(), e);
        }
    }

    private static List<X509Certificate> certificates(BasicOCSPResp basic) throws MalformedException {
        List<X509Certificate> out = new ArrayList<>();
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        for (X509CertificateHolder holder : basic.getCerts()) {
            try {
                out.add(converter.getCertificate(holder));
            } catch (CertificateException e) {
                // A responder that included a certificate the JDK cannot read.
                throw new MalformedException(
                        ParseStatus.MALFORMED, "included certificate unreadable: " + e.getMessage(), e);
            }
        }
        return out;
    }
}
