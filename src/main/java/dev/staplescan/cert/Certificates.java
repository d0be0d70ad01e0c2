package dev.staplescan.cert;

import dev.staplescan.ocsp.IssuerLocator;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/** Turns DER as recorded in an observation into {@link X509Certificate}s. */
public final class Certificates {

    private Certificates() {}

    /**
     * Parses a chain, keeping its order.
     *
     * @throws IllegalArgumentException when a certificate does not parse. The scanner records chains
     *         that the JDK already parsed during the handshake, so this means a corrupted store or a
     *         defect of ours, never a server fault (STYLE.md habit 4).
     */
    public static List<X509Certificate> parse(List<byte[]> der) {
        // CertificateFactory instances are not documented thread-safe: one per call.
        CertificateFactory factory;
        try {
            factory = CertificateFactory.getInstance("X.509");
        } catch (CertificateException e) {
            throw new IllegalStateException("the JDK has no X.509 CertificateFactory", e);
        }
        List<X509Certificate> out = new ArrayList<>(der.size());
        for (int i = 0; i < der.size(); i++) {
            try {
                out.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der.get(i))));
            } catch (CertificateException e) {
                throw new IllegalArgumentException(
                        "observation holds an unparseable certificate at chain index " + i, e);
            }
        }
        return List.copyOf(out);
    }

    /** The subject DN in RFC 2253 form, for messages. */
    public static String subject(X509Certificate cert) {
        return cert.getSubjectX500Principal().getName();
    }

    /** True when the certificate names itself as issuer and its own key verifies its signature. */
    public static boolean selfSigned(X509Certificate cert) {
        return IssuerLocator.issued(cert, cert);
    }
}
