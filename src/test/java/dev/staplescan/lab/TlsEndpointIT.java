package dev.staplescan.lab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.staplescan.lab.pki.CertificateAuthority;
import dev.staplescan.lab.pki.IssuedCert;
import dev.staplescan.lab.pki.LeafSpec;
import dev.staplescan.lab.pki.OcspResponses;
import dev.staplescan.lab.pki.OcspSpec;
import dev.staplescan.scan.TlsVersion;
import java.net.InetAddress;
import java.util.List;
import javax.net.ssl.SSLException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

// Binds and connects to literal loopback addresses: no name is resolved, one address is the point.
@SuppressWarnings("AddressSelection")
class TlsEndpointIT {

    private static final CertificateAuthority ROOT = CertificateAuthority.root("IT Root");
    private static final CertificateAuthority CA = ROOT.intermediate("IT CA");
    private static final IssuedCert LEAF =
            CA.issue(LeafSpec.forName("it.lab.test").withOcspUrl("http://127.0.0.1:9/"));
    private static final byte[] STAPLE = OcspResponses.build(OcspSpec.good(LEAF));

    @ParameterizedTest
    @EnumSource(TlsVersion.class)
    void staplesExactBytesUnderEachVersion(TlsVersion version) throws Exception {
        EndpointSetup setup =
                EndpointSetup.tls(List.of(LEAF.certificate(), CA.certificate()), LEAF.privateKey(), STAPLE);
        try (TlsEndpoint endpoint = TlsEndpoint.start(InetAddress.getByName("127.0.0.1"), 0, setup)) {
            JsseProbe.Result result = JsseProbe.handshake(endpoint.address(), endpoint.port(), "it.lab.test", version);

            assertEquals(version.jsseName(), result.protocol());
            assertEquals(1, result.staples().size());
            assertArrayEquals(STAPLE, result.staples().get(0));
            assertEquals(2, result.chain().size());
            assertEquals(LEAF.certificate(), result.chain().get(0));
        }
    }

    @ParameterizedTest
    @EnumSource(TlsVersion.class)
    void noStapleWhenNoneConfigured(TlsVersion version) throws Exception {
        EndpointSetup setup = EndpointSetup.tls(List.of(LEAF.certificate()), LEAF.privateKey(), null);
        try (TlsEndpoint endpoint = TlsEndpoint.start(InetAddress.getByName("127.0.0.1"), 0, setup)) {
            JsseProbe.Result result = JsseProbe.handshake(endpoint.address(), endpoint.port(), null, version);

            assertTrue(result.staples().isEmpty());
            assertEquals(1, result.chain().size());
        }
    }

    @ParameterizedTest
    @EnumSource(TlsVersion.class)
    void refusesVersionNotConfigured(TlsVersion version) throws Exception {
        TlsVersion other = version == TlsVersion.TLS_1_2 ? TlsVersion.TLS_1_3 : TlsVersion.TLS_1_2;
        EndpointSetup setup = EndpointSetup.tls(List.of(LEAF.certificate()), LEAF.privateKey(), STAPLE)
                .withVersions(other);
        try (TlsEndpoint endpoint = TlsEndpoint.start(InetAddress.getByName("127.0.0.1"), 0, setup)) {
            assertThrows(
                    SSLException.class, () -> JsseProbe.handshake(endpoint.address(), endpoint.port(), null, version));
        }
    }
}
