package dev.staplescan.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.staplescan.lab.pki.Pem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustAnchorsTest {

    @TempDir
    Path dir;

    @Test
    void readsEveryCertificateOfABundleWithCommentsAround() throws IOException {
        // given a bundle as distributions write them: comments between blocks
        Path bundle = dir.resolve("bundle.pem");
        Files.writeString(
                bundle,
                "# Scenario Root\n" + Pem.encode(Scenario.ROOT.certificate()) + "\n# Issuing CA\n"
                        + Pem.encode(Scenario.CA.certificate()));
        // when / then
        assertEquals(List.of(Scenario.ROOT.certificate(), Scenario.CA.certificate()), TrustAnchors.readPem(bundle));
    }

    @Test
    void addsTheBundleToTheJdkAnchors() throws IOException {
        // given
        Path bundle = dir.resolve("private-ca.pem");
        Pem.write(bundle, Scenario.ROOT.certificate());
        // when
        TrustAnchors jdk = TrustAnchors.jdkDefault();
        TrustAnchors plus = TrustAnchors.jdkDefaultPlus(bundle);
        // then
        assertEquals(jdk.certificates().size() + 1, plus.certificates().size());
        assertEquals(
                List.of(Scenario.ROOT.certificate()),
                plus.withSubject(Scenario.ROOT.certificate().getSubjectX500Principal()));
        assertTrue(plus.description().contains("private-ca.pem"));
    }

    @Test
    void aMissingFileIsAClearErrorNamingIt() {
        Path missing = dir.resolve("nope.pem");
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> TrustAnchors.jdkDefaultPlus(missing));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }

    @Test
    void aFileWithoutCertificatesIsAClearError() throws IOException {
        Path empty = dir.resolve("key.pem");
        Files.writeString(empty, "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrustAnchors.readPem(empty));
        assertTrue(e.getMessage().contains("key.pem") && e.getMessage().contains("no PEM certificate"), e.getMessage());
    }

    @Test
    void aBrokenBlockIsAClearErrorNamingItsPosition() throws IOException {
        Path broken = dir.resolve("broken.pem");
        Files.writeString(
                broken,
                Pem.encode(Scenario.ROOT.certificate())
                        + "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrustAnchors.readPem(broken));
        assertTrue(e.getMessage().contains("broken.pem") && e.getMessage().contains("#2"), e.getMessage());
    }

    @Test
    void noAnchorsAtAllIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> TrustAnchors.of(List.of()));
    }
}
