package dev.staplescan.lab.pki;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/**
 * A certificate made by the lab PKI together with its private key.
 *
 * @param certificate the certificate
 * @param privateKey  its private key (EC P-256)
 * @param issuer      the authority that signed it; {@code null} for a self-signed leaf
 */
public record IssuedCert(X509Certificate certificate, PrivateKey privateKey, CertificateAuthority issuer) {}
