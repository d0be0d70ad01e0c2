package dev.staplescan.lab.pki;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;

/**
 * Writes certificates as PEM ("-----BEGIN CERTIFICATE-----", RFC 7468), e.g. a trust bundle for
 * {@code --trust}, and private keys as unencrypted PKCS #8 PEM, for servers outside the JVM (nginx).
 */
public final class Pem {

    private static final Base64.Encoder BASE64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));

    private Pem() {}

    /** The certificates, each as a PEM block, concatenated. */
    public static String encode(X509Certificate... certs) {
        StringBuilder out = new StringBuilder();
        for (X509Certificate cert : certs) {
            try {
                out.append("-----BEGIN CERTIFICATE-----\n")
                        .append(BASE64.encodeToString(cert.getEncoded()))
                        .append("\n-----END CERTIFICATE-----\n");
            } catch (CertificateEncodingException e) {
                throw new IllegalStateException("cannot encode " + cert.getSubjectX500Principal(), e);
            }
        }
        return out.toString();
    }

    /** A private key as "-----BEGIN PRIVATE KEY-----" (unencrypted PKCS #8, RFC 7468 section 10). */
    public static String encode(PrivateKey key) {
        return "-----BEGIN PRIVATE KEY-----\n" + BASE64.encodeToString(key.getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }

    /** Writes {@link #encode} to a file (replacing it), creating parent directories. */
    public static void write(Path file, X509Certificate... certs) {
        writeText(file, encode(certs));
    }

    /** Writes a private key as PEM to a file (replacing it), creating parent directories. */
    public static void write(Path file, PrivateKey key) {
        writeText(file, encode(key));
    }

    private static void writeText(Path file, String pem) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, pem, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
