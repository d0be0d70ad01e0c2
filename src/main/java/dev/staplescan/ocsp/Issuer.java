package dev.staplescan.ocsp;

import java.security.cert.X509Certificate;

/**
 * The certificate that issued a leaf, as far as we could find it.
 *
 * @param certificate the issuer certificate; {@code null} exactly when {@code source == NOT_FOUND}
 * @param source      where it came from, or {@link IssuerSource#NOT_FOUND}
 */
public record Issuer(X509Certificate certificate, IssuerSource source) {

    public Issuer {
        if ((certificate == null) != (source == IssuerSource.NOT_FOUND)) {
            throw new IllegalArgumentException("certificate must be null exactly when the source is NOT_FOUND");
        }
    }

    /** The answer when no issuer could be found. */
    public static Issuer notFound() {
        return new Issuer(null, IssuerSource.NOT_FOUND);
    }

    public boolean found() {
        return certificate != null;
    }
}
