package dev.staplescan.lab;

import dev.staplescan.scan.TlsVersion;
import java.io.IOException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Hashtable;
import java.util.List;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CertificateEntry;
import org.bouncycastle.tls.CertificateStatus;
import org.bouncycastle.tls.CertificateStatusType;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.DefaultTlsServer;
import org.bouncycastle.tls.ExtensionType;
import org.bouncycastle.tls.HashAlgorithm;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.SignatureAlgorithm;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaDefaultTlsCredentialedSigner;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCrypto;

/**
 * One connection's BC low-level TLS server: an ECDSA P-256 certificate, the versions the endpoint
 * allows, and exactly the staple the setup says. Not thread-safe: BC wants a fresh
 * {@code TlsServer} per connection.
 */
final class StaplingTlsServer extends DefaultTlsServer {

    /** TLS 1.3 suites, then ECDHE_ECDSA AEAD suites for TLS 1.2 (our keys are EC). */
    private static final int[] SUITES = {
        CipherSuite.TLS_AES_128_GCM_SHA256,
        CipherSuite.TLS_AES_256_GCM_SHA384,
        CipherSuite.TLS_CHACHA20_POLY1305_SHA256,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
    };

    private final JcaTlsCrypto crypto;
    private final EndpointSetup setup;
    private final boolean stapleThisTime;
    private boolean clientAskedForOcsp;

    StaplingTlsServer(JcaTlsCrypto crypto, EndpointSetup setup, boolean stapleThisTime) {
        super(crypto);
        this.crypto = crypto;
        this.setup = setup;
        this.stapleThisTime = stapleThisTime;
    }

    @Override
    protected ProtocolVersion[] getSupportedVersions() {
        boolean v13 = setup.versions().contains(TlsVersion.TLS_1_3);
        boolean v12 = setup.versions().contains(TlsVersion.TLS_1_2);
        if (v13 && v12) {
            return ProtocolVersion.TLSv13.downTo(ProtocolVersion.TLSv12);
        }
        return v13 ? ProtocolVersion.TLSv13.only() : ProtocolVersion.TLSv12.only();
    }

    @Override
    protected int[] getSupportedCipherSuites() {
        return TlsUtils.getSupportedCipherSuites(getCrypto(), SUITES);
    }

    @Override
    @SuppressWarnings("rawtypes") // BC's TlsServer interface predates generics
    public void processClientExtensions(Hashtable clientExtensions) throws IOException {
        super.processClientExtensions(clientExtensions);
        clientAskedForOcsp = certificateStatusRequest != null
                && certificateStatusRequest.getStatusType() == CertificateStatusType.ocsp;
        // RFC 6961 (status_request_v2) is obsolete; JSSE offers it under TLS 1.2 and would prefer it.
        // Ignoring it keeps every staple on the RFC 6066 path the scanner reports on.
        statusRequestV2 = null;
    }

    @Override
    protected boolean allowMultiCertStatus() {
        return false;
    }

    /** TLS 1.2: only acknowledge status_request in ServerHello when a CertificateStatus will follow. */
    @Override
    protected boolean allowCertificateStatus() {
        return currentStaple() != null;
    }

    @Override
    public CertificateStatus getCertificateStatus() {
        byte[] staple = currentStaple();
        return staple == null ? null : new RawCertificateStatus(staple);
    }

    @Override
    public TlsCredentials getCredentials() throws IOException {
        SignatureAndHashAlgorithm ecdsaSha256 =
                SignatureAndHashAlgorithm.getInstance(HashAlgorithm.sha256, SignatureAlgorithm.ecdsa);
        return new JcaDefaultTlsCredentialedSigner(
                new TlsCryptoParameters(context), crypto, setup.key(), certificateMessage(), ecdsaSha256);
    }

    @SuppressWarnings("JdkObsolete") // BouncyCastle's CertificateEntry takes a Hashtable
    private Certificate certificateMessage() throws IOException {
        List<X509Certificate> chain = setup.chain();
        TlsCertificate[] certs = new TlsCertificate[chain.size()];
        for (int i = 0; i < certs.length; i++) {
            try {
                certs[i] = crypto.createCertificate(chain.get(i).getEncoded());
            } catch (CertificateEncodingException e) {
                throw new TlsFatalAlert(AlertDescription.internal_error, "lab certificate does not encode", e);
            }
        }
        if (!TlsUtils.isTLSv13(context)) {
            return new Certificate(certs);
        }
        // RFC 8446 4.4.2.1: the staple travels as a status_request extension of the leaf's
        // CertificateEntry, and only in answer to a client that sent status_request. BC never
        // consults getCertificateStatus() under TLS 1.3, so we add it ourselves.
        CertificateEntry[] entries = new CertificateEntry[certs.length];
        for (int i = 0; i < certs.length; i++) {
            Hashtable<Integer, byte[]> extensions = new Hashtable<>();
            byte[] staple = currentStaple();
            if (i == 0 && staple != null && clientAskedForOcsp) {
                extensions.put(ExtensionType.status_request, RawCertificateStatus.extensionData(staple));
            }
            entries[i] = new CertificateEntry(certs[i], extensions);
        }
        return new Certificate(TlsUtils.EMPTY_BYTES, entries);
    }

    private byte[] currentStaple() {
        if (!stapleThisTime || context == null || context.getServerVersion() == null) {
            return null;
        }
        return setup.staple(TlsUtils.isTLSv13(context) ? TlsVersion.TLS_1_3 : TlsVersion.TLS_1_2);
    }
}
