package dev.staplescan.scan;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.SecureRandom;
import java.util.Hashtable;
import org.bouncycastle.asn1.ocsp.OCSPResponse;
import org.bouncycastle.asn1.ocsp.OCSPResponseStatus;
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
import org.bouncycastle.tls.TlsServerProtocol;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaDefaultTlsCredentialedSigner;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCertificate;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCrypto;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCryptoProvider;

/**
 * A minimal BouncyCastle TLS server on loopback that staples arbitrary bytes (valid or garbage), so
 * the scanner's staple capture and its malformed-staple detection can be tested without the lab
 * fleet. TLS 1.2: a CertificateStatus message with the bytes as they are. TLS 1.3: BC never asks
 * for a status, so the status_request extension is put into the leaf's CertificateEntry by hand
 * (RFC 8446 4.4.2.1).
 */
final class BcStapleServer implements AutoCloseable {

    /** A syntactically valid OCSPResponse with responseStatus tryLater(3): SEQUENCE { ENUMERATED 3 }. */
    static final byte[] TRY_LATER = {0x30, 0x03, 0x0a, 0x01, 0x03};

    private final ServerSocket listener;
    private final Thread acceptor;
    private final TestCerts certs;
    private final ProtocolVersion version;
    private final byte[] staple;
    private final JcaTlsCrypto crypto = new JcaTlsCryptoProvider().create(new SecureRandom());

    BcStapleServer(TestCerts certs, ProtocolVersion version, byte[] staple) throws IOException {
        this.certs = certs;
        this.version = version;
        this.staple = staple.clone();
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = Thread.ofVirtual().name("bc-staple-server").start(this::acceptLoop);
    }

    int port() {
        return listener.getLocalPort();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket s = listener.accept();
                Thread.ofVirtual().start(() -> serve(s));
            } catch (IOException closed) {
                return; // listener closed by close()
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            TlsServerProtocol protocol = new TlsServerProtocol(s.getInputStream(), s.getOutputStream());
            protocol.accept(new Server());
            protocol.close();
        } catch (IOException clientAborted) {
            // The scanner aborts on malformed staples; that is what these tests provoke.
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        acceptor.interrupt();
    }

    private final class Server extends DefaultTlsServer {
        Server() {
            super(crypto);
        }

        @Override
        protected ProtocolVersion[] getSupportedVersions() {
            return version.only();
        }

        @Override
        protected int[] getSupportedCipherSuites() {
            return new int[] {CipherSuite.TLS_AES_128_GCM_SHA256, CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256};
        }

        @Override
        @SuppressWarnings("JdkObsolete") // BouncyCastle's CertificateEntry takes a Hashtable
        public TlsCredentials getCredentials() throws IOException {
            var tlsCert = new JcaTlsCertificate(crypto, certs.certificate());
            Certificate chain;
            if (TlsUtils.isTLSv13(context)) {
                Hashtable<Integer, byte[]> ext = new Hashtable<>();
                ext.put(ExtensionType.status_request, certificateStatusExtension(staple));
                chain = new Certificate(
                        TlsUtils.EMPTY_BYTES, new CertificateEntry[] {new CertificateEntry(tlsCert, ext)});
            } else {
                chain = new Certificate(new org.bouncycastle.tls.crypto.TlsCertificate[] {tlsCert});
            }
            return new JcaDefaultTlsCredentialedSigner(
                    new TlsCryptoParameters(context),
                    crypto,
                    certs.keyPair().getPrivate(),
                    chain,
                    SignatureAndHashAlgorithm.getInstance(HashAlgorithm.sha256, SignatureAlgorithm.ecdsa));
        }

        @Override
        public CertificateStatus getCertificateStatus() {
            // The stock CertificateStatus insists on a parseable OCSPResponse: give it one and send our bytes.
            OCSPResponse placeholder = new OCSPResponse(new OCSPResponseStatus(OCSPResponseStatus.TRY_LATER), null);
            return new CertificateStatus(CertificateStatusType.ocsp, placeholder) {
                @Override
                public void encode(OutputStream output) throws IOException {
                    TlsUtils.writeUint8(CertificateStatusType.ocsp, output);
                    TlsUtils.writeOpaque24(staple, output);
                }
            };
        }
    }

    /** CertificateStatus body (RFC 6066 8): uint8 status_type = ocsp(1), then a 24-bit-length response. */
    private static byte[] certificateStatusExtension(byte[] response) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TlsUtils.writeUint8(CertificateStatusType.ocsp, out);
        TlsUtils.writeOpaque24(response, out);
        return out.toByteArray();
    }
}
