package dev.staplescan.check;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import javax.security.auth.x500.X500Principal;

/**
 * The certificates a chain must lead to (SPEC §4.3): the JDK's default trust store, optionally
 * plus a PEM bundle given with {@code --trust} for private PKIs. Immutable and thread-safe.
 */
public final class TrustAnchors {

    private static final Pattern PEM_BLOCK =
            Pattern.compile("-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\\s]*?)-----END CERTIFICATE-----");

    private final List<X509Certificate> certificates;
    private final Set<TrustAnchor> pkixAnchors;
    private final Map<X500Principal, List<X509Certificate>> bySubject;
    private final String description;

    private TrustAnchors(Collection<X509Certificate> certificates, String description) {
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("no trust anchors: " + description);
        }
        this.certificates = List.copyOf(new LinkedHashSet<>(certificates));
        Set<TrustAnchor> anchors = new LinkedHashSet<>();
        Map<X500Principal, List<X509Certificate>> index = new HashMap<>();
        for (X509Certificate c : this.certificates) {
            anchors.add(new TrustAnchor(c, null));
            index.computeIfAbsent(c.getSubjectX500Principal(), k -> new ArrayList<>())
                    .add(c);
        }
        this.pkixAnchors = Set.copyOf(anchors);
        index.replaceAll((k, v) -> List.copyOf(v));
        this.bySubject = Map.copyOf(index);
        this.description = description;
    }

    /** The JDK's default trust store (cacerts, or {@code javax.net.ssl.trustStore} when set). */
    public static TrustAnchors jdkDefault() {
        return new TrustAnchors(jdkCertificates(), "JDK default trust store");
    }

    /** The JDK's default trust store plus every certificate of a PEM bundle ({@code --trust FILE}). */
    public static TrustAnchors jdkDefaultPlus(Path pemBundle) {
        List<X509Certificate> all = new ArrayList<>(jdkCertificates());
        List<X509Certificate> extra = readPem(pemBundle);
        all.addAll(extra);
        return new TrustAnchors(all, "JDK default trust store + " + extra.size() + " from " + pemBundle);
    }

    /** Exactly these certificates and nothing else (tests, or a private PKI only). */
    public static TrustAnchors of(Collection<X509Certificate> certificates) {
        return new TrustAnchors(certificates, certificates.size() + " given certificates");
    }

    /** Exactly these certificates and nothing else. */
    public static TrustAnchors of(X509Certificate... certificates) {
        return of(List.of(certificates));
    }

    /**
     * Every certificate of a PEM file (text around the blocks is allowed, as in most bundles).
     *
     * @throws IllegalArgumentException naming the file, when it cannot be read, holds no
     *         certificate, or holds a block that is not a certificate
     */
    public static List<X509Certificate> readPem(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read trust bundle " + file + ": " + e, e);
        }
        List<X509Certificate> out = new ArrayList<>();
        Matcher m = PEM_BLOCK.matcher(text);
        while (m.find()) {
            int number = out.size() + 1;
            try {
                byte[] der = Base64.getMimeDecoder().decode(m.group(1));
                CertificateFactory factory = CertificateFactory.getInstance("X.509");
                out.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
            } catch (CertificateException | IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "trust bundle " + file + ": certificate #" + number + " is not a readable X.509 certificate: "
                                + e.getMessage(),
                        e);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("trust bundle " + file
                    + " contains no PEM certificate (expected -----BEGIN CERTIFICATE----- blocks)");
        }
        return List.copyOf(out);
    }

    private static List<X509Certificate> jdkCertificates() {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init((KeyStore) null);
            for (TrustManager tm : factory.getTrustManagers()) {
                if (tm instanceof X509TrustManager x509) {
                    return List.of(x509.getAcceptedIssuers());
                }
            }
            throw new IllegalStateException("the JDK's default TrustManagerFactory offers no X509TrustManager");
        } catch (NoSuchAlgorithmException | KeyStoreException e) {
            throw new IllegalStateException("cannot load the JDK's default trust store", e);
        }
    }

    /** Every anchor certificate, without duplicates. */
    public List<X509Certificate> certificates() {
        return certificates;
    }

    /** The anchors as PKIX wants them. */
    public Set<TrustAnchor> pkixAnchors() {
        return pkixAnchors;
    }

    /** The anchor certificates with this subject (usually zero or one). */
    public List<X509Certificate> withSubject(X500Principal subject) {
        return bySubject.getOrDefault(subject, List.of());
    }

    /** Where the anchors came from, for run facts in reports. */
    public String description() {
        return description;
    }

    @Override
    public String toString() {
        return description + " (" + certificates.size() + " certificates)";
    }
}
