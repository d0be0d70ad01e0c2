package dev.staplescan.lab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.staplescan.lab.pki.CertStatus;
import dev.staplescan.lab.pki.CertificateAuthority;
import dev.staplescan.lab.pki.IssuedCert;
import dev.staplescan.lab.pki.LeafSpec;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.junit.jupiter.api.Test;

class OcspResponderIT {

    private static final CertificateAuthority CA =
            CertificateAuthority.root("Responder IT Root").intermediate("Responder IT CA");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void answersPostAndGetFromTheRegistry() throws Exception {
        OcspRegistry registry = new OcspRegistry();
        IssuedCert good = CA.issue(LeafSpec.forName("good.example.test"));
        IssuedCert revoked = CA.issue(LeafSpec.forName("revoked.example.test"));
        registry.register(good, CertStatus.GOOD, null);
        registry.register(revoked, CertStatus.REVOKED, Instant.now());
        try (OcspResponder responder = OcspResponder.start(registry, Duration.ZERO)) {
            assertTrue(responder.url().startsWith("http://127.0.0.1:"), responder.url());

            HttpResponse<byte[]> post = HTTP.send(
                    HttpRequest.newBuilder(URI.create(responder.url()))
                            .header("Content-Type", "application/ocsp-request")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(OcspRegistryTest.request(good, false)))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            String encoded = URLEncoder.encode(
                    Base64.getEncoder().encodeToString(OcspRegistryTest.request(revoked, false)),
                    StandardCharsets.US_ASCII);
            HttpResponse<byte[]> get = HTTP.send(
                    HttpRequest.newBuilder(URI.create(responder.url() + "/" + encoded))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());

            assertEquals(200, post.statusCode());
            assertEquals(
                    "application/ocsp-response",
                    post.headers().firstValue("Content-Type").orElse(""));
            assertNull(single(post.body()).getCertStatus());
            assertInstanceOf(RevokedStatus.class, single(get.body()).getCertStatus());
            assertEquals(2, responder.requestCount());
        }
    }

    @Test
    void unregisteredSerialIsUnknownAndGarbageIsMalformed() throws Exception {
        OcspRegistry registry = new OcspRegistry();
        registry.addIssuer(CA);
        IssuedCert stranger = CA.issue(LeafSpec.forName("nobody.example.test"));
        try (OcspResponder responder = OcspResponder.start(registry, Duration.ZERO)) {
            byte[] unknown = post(responder, OcspRegistryTest.request(stranger, true));
            byte[] garbage = post(responder, new byte[] {0x30, 0x03, 0x02, 0x01});

            assertInstanceOf(UnknownStatus.class, single(unknown).getCertStatus());
            assertEquals(OCSPResp.MALFORMED_REQUEST, new OCSPResp(garbage).getStatus());
        }
    }

    @Test
    void waitsTheArtificialDelay() throws Exception {
        OcspRegistry registry = new OcspRegistry();
        registry.addIssuer(CA);
        IssuedCert leaf = CA.issue(LeafSpec.forName("slow.example.test"));
        try (OcspResponder responder = OcspResponder.start(registry, Duration.ofMillis(300))) {
            long start = System.nanoTime();
            post(responder, OcspRegistryTest.request(leaf, false));

            assertTrue(System.nanoTime() - start >= 300_000_000L);
        }
    }

    @Test
    void publishesCertificatesForCaIssuers() throws Exception {
        try (OcspResponder responder = OcspResponder.start(new OcspRegistry(), Duration.ZERO)) {
            String url = responder.publish("ca.cer", CA.certificate());

            HttpResponse<byte[]> response =
                    HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());

            assertEquals(200, response.statusCode());
            assertArrayEquals(CA.certificate().getEncoded(), response.body());
        }
    }

    @Test
    void closeFreesThePort() throws Exception {
        OcspResponder responder = OcspResponder.start(new OcspRegistry(), Duration.ZERO);
        String url = responder.url();
        responder.close();

        IOException e = assertThrows(
                IOException.class,
                () -> HTTP.send(
                        HttpRequest.newBuilder(URI.create(url))
                                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[1]))
                                .build(),
                        HttpResponse.BodyHandlers.discarding()));
        assertInstanceOf(ConnectException.class, e.getCause() instanceof ConnectException ? e.getCause() : e);
    }

    @Test
    void decodesGetPathsWithEscapesAndUrlSafeAlphabet() {
        byte[] der = {(byte) 0xfb, (byte) 0xff, 0x3e, 0x30};
        String standard = Base64.getEncoder().encodeToString(der);

        assertArrayEquals(
                der, OcspResponder.decodeGetPath("/ocsp/" + URLEncoder.encode(standard, StandardCharsets.US_ASCII)));
        assertArrayEquals(der, OcspResponder.decodeGetPath("/ocsp/" + standard));
        assertArrayEquals(
                der,
                OcspResponder.decodeGetPath("/ocsp/" + Base64.getUrlEncoder().encodeToString(der)));
        assertNull(OcspResponder.decodeGetPath("/ocsp/%zz"));
    }

    private static byte[] post(OcspResponder responder, byte[] request) throws Exception {
        return HTTP.send(
                        HttpRequest.newBuilder(URI.create(responder.url()))
                                .POST(HttpRequest.BodyPublishers.ofByteArray(request))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray())
                .body();
    }

    private static SingleResp single(byte[] der) throws Exception {
        OCSPResp resp = new OCSPResp(der);
        assertEquals(OCSPResp.SUCCESSFUL, resp.getStatus());
        return ((BasicOCSPResp) resp.getResponseObject()).getResponses()[0];
    }
}
