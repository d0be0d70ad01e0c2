package dev.staplescan.lab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.staplescan.lab.pki.CertificateAuthority;
import dev.staplescan.lab.pki.IssuedCert;
import dev.staplescan.lab.pki.LeafSpec;
import dev.staplescan.lab.pki.OcspResponses;
import dev.staplescan.lab.pki.OcspSpec;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.security.SecureRandom;
import java.util.Hashtable;
import java.util.List;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.CertificateStatusRequest;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.ExtensionType;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsClientProtocol;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCryptoProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * RFC 6066 section 8 / RFC 8446 4.4.2.1: a server staples only when the ClientHello asked. JSSE
 * always asks, so a BC client (which lets us leave status_request out) checks the other half.
 */
// Binds and connects to literal loopback addresses: no name is resolved, one address is the point.
@SuppressWarnings("AddressSelection")
class StatusRequestOptInIT {

    private static final CertificateAuthority CA =
            CertificateAuthority.root("Opt-in Root").intermediate("Opt-in CA");
    private static final IssuedCert LEAF =
            CA.issue(LeafSpec.forName("optin.lab.test").withOcspUrl("http://127.0.0.1:9/"));
    private static final byte[] STAPLE = OcspResponses.build(OcspSpec.good(LEAF));

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.2", "TLSv1.3"})
    void noStapleWhenTheClientDoesNotAsk(String version) throws IOException {
        TlsServerCertificate seen = handshake(version, false);

        assertNull(seen.getCertificateStatus());
        Hashtable<?, ?> extensions =
                seen.getCertificate().getCertificateEntryAt(0).getExtensions();
        assertTrue(extensions == null || !extensions.containsKey(ExtensionType.status_request));
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.2", "TLSv1.3"})
    void stapleWhenTheClientAsks(String version) throws IOException {
        TlsServerCertificate seen = handshake(version, true);

        if ("TLSv1.2".equals(version)) {
            assertArrayEquals(
                    STAPLE, seen.getCertificateStatus().getOCSPResponse().getEncoded());
        } else {
            // BC's client does not surface TLS 1.3 staples as a CertificateStatus: read the raw
            // CertificateEntry extension (status_type 1, uint24 length, OCSPResponse).
            byte[] data = (byte[]) seen.getCertificate()
                    .getCertificateEntryAt(0)
                    .getExtensions()
                    .get(ExtensionType.status_request);
            assertArrayEquals(RawCertificateStatus.extensionData(STAPLE), data);
            assertTrue(
                    seen.getCertificate()
                            .getCertificateEntryAt(1)
                            .getExtensions()
                            .isEmpty(),
                    "only the leaf's entry");
        }
    }

    private static TlsServerCertificate handshake(String version, boolean askForStaple) throws IOException {
        EndpointSetup setup =
                EndpointSetup.tls(List.of(LEAF.certificate(), CA.certificate()), LEAF.privateKey(), STAPLE);
        ProtocolVersion protocol = "TLSv1.3".equals(version) ? ProtocolVersion.TLSv13 : ProtocolVersion.TLSv12;
        try (TlsEndpoint endpoint = TlsEndpoint.start(InetAddress.getByName("127.0.0.1"), 0, setup);
                Socket socket = new Socket(endpoint.address(), endpoint.port())) {
            RecordingClient client = new RecordingClient(protocol, askForStaple);
            TlsClientProtocol tls = new TlsClientProtocol(socket.getInputStream(), socket.getOutputStream());
            tls.connect(client);
            tls.close();
            return client.seen;
        }
    }

    /** A BC client that trusts anything and keeps what the server presented. */
    private static final class RecordingClient extends DefaultTlsClient {
        private final ProtocolVersion version;
        private final boolean askForStaple;
        private TlsServerCertificate seen;

        RecordingClient(ProtocolVersion version, boolean askForStaple) {
            super(new JcaTlsCryptoProvider().create(new SecureRandom()));
            this.version = version;
            this.askForStaple = askForStaple;
        }

        @Override
        protected ProtocolVersion[] getSupportedVersions() {
            return version.only();
        }

        @Override
        protected CertificateStatusRequest getCertificateStatusRequest() {
            return askForStaple ? super.getCertificateStatusRequest() : null;
        }

        @Override
        public TlsAuthentication getAuthentication() {
            return new TlsAuthentication() {
                @Override
                public void notifyServerCertificate(TlsServerCertificate serverCertificate) {
                    seen = serverCertificate;
                }

                @Override
                public TlsCredentials getClientCredentials(CertificateRequest request) {
                    return null;
                }
            };
        }
    }
}
