package dev.staplescan.bench;

import dev.staplescan.lab.OcspRegistry;
import dev.staplescan.lab.OcspResponder;
import dev.staplescan.lab.pki.CertStatus;
import dev.staplescan.lab.pki.CertificateAuthority;
import dev.staplescan.lab.pki.IssuedCert;
import dev.staplescan.lab.pki.LeafSpec;
import dev.staplescan.lab.pki.Pem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The benchmark's PKI, built with the lab's code: a root and an issuing CA (EC P-256), one wildcard
 * ECDSA P-256 leaf whose AIA names the lab OCSP responder (started here, on 127.0.0.1), and the
 * files nginx and the clients need. The staple file is fetched from that responder with
 * {@code openssl ocsp}, as an administrator pre-fetches one for {@code ssl_stapling_file}, and
 * verified against the root on the way.
 */
final class BenchPki implements AutoCloseable {

    /** Every SNI name of the benchmark is a label under this domain, covered by the leaf's wildcard. */
    static final String DOMAIN = "nginx.bench.staplescan.test";

    private final OcspResponder responder;
    private final Path caPem;
    private final Path chainPem;
    private final Path keyPem;
    private final Path stapleDer;

    private BenchPki(OcspResponder responder, Path dir) {
        this.responder = responder;
        this.caPem = dir.resolve("ca.pem");
        this.chainPem = dir.resolve("chain.pem");
        this.keyPem = dir.resolve("key.pem");
        this.stapleDer = dir.resolve("staple.der");
    }

    /** Builds the PKI, starts the responder and writes ca.pem, chain.pem, key.pem and staple.der into {@code dir}. */
    static BenchPki create(Path dir, Commands commands) throws IOException, InterruptedException {
        CertificateAuthority root = CertificateAuthority.root("staplescan benchmark root");
        CertificateAuthority issuing = root.intermediate("staplescan benchmark issuing CA");
        OcspRegistry registry = new OcspRegistry();
        registry.addIssuer(issuing);
        BenchPki pki = new BenchPki(OcspResponder.start(registry, Duration.ZERO), dir);
        try {
            IssuedCert leaf = issuing.issue(LeafSpec.forName("*." + DOMAIN).withOcspUrl(pki.responder.url()));
            registry.register(leaf, CertStatus.GOOD, null);
            Files.createDirectories(dir);
            Pem.write(pki.caPem, root.certificate());
            Pem.write(pki.chainPem, leaf.certificate(), issuing.certificate());
            Pem.write(pki.keyPem, leaf.privateKey());
            Path leafPem = dir.resolve("leaf.pem");
            Path issuerPem = dir.resolve("issuer.pem");
            Pem.write(leafPem, leaf.certificate());
            Pem.write(issuerPem, issuing.certificate());
            pki.fetchStaple(commands, leafPem, issuerPem);
            return pki;
        } catch (IOException | InterruptedException | RuntimeException e) {
            pki.close();
            throw e;
        }
    }

    /**
     * {@code openssl ocsp} asks the responder about the leaf, verifies the answer (signed by the
     * issuing CA, which chains to the root) and writes it as DER. No nonce: the lab responder, like
     * most public ones, does not echo it.
     */
    private void fetchStaple(Commands commands, Path leafPem, Path issuerPem) throws IOException, InterruptedException {
        Commands.Result r = commands.run(
                List.of(
                        "openssl",
                        "ocsp",
                        "-issuer",
                        issuerPem.toString(),
                        "-cert",
                        leafPem.toString(),
                        "-url",
                        responder.url(),
                        "-no_nonce",
                        "-CAfile",
                        caPem.toString(),
                        "-verify_other",
                        issuerPem.toString(),
                        "-respout",
                        stapleDer.toString()),
                Duration.ofSeconds(30));
        if (r.exitCode() != 0 || !r.output().contains(": good") || !Files.isRegularFile(stapleDer)) {
            throw new IllegalStateException("openssl ocsp could not fetch a good, verified staple from "
                    + responder.url() + ":\n" + r.output());
        }
    }

    /** The root to give staplescan as {@code --trust}. */
    Path caPem() {
        return caPem;
    }

    /** Leaf then issuing CA, as nginx's {@code ssl_certificate} sends them. */
    Path chainPem() {
        return chainPem;
    }

    Path keyPem() {
        return keyPem;
    }

    /** The DER OCSPResponse for {@code ssl_stapling_file}. */
    Path stapleDer() {
        return stapleDer;
    }

    String responderUrl() {
        return responder.url();
    }

    @Override
    public void close() {
        responder.close();
    }
}
