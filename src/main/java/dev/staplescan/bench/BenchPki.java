package dev.staplescan.bench;

import dev.staplescan.lab.OcspRegistry;
import dev.staplescan.lab.OcspResponder;
import dev.staplescan.lab.pki.CertStatus;
import dev.staplescan.lab.pki.CertificateAuthority;
import dev.staplescan.lab.pki.IssuedCert;
import dev.staplescan.lab.pki.LeafSpec;
import dev.staplescan.lab.pki.OcspResponses;
import dev.staplescan.lab.pki.OcspSpec;
import dev.staplescan.lab.pki.Pem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark's PKI, built with the lab's code: a root and an issuing CA (EC P-256), one wildcard
 * ECDSA P-256 leaf whose AIA names the lab OCSP responder (started here, on 127.0.0.1), and the
 * files nginx and the clients need. The staple file is a good response signed by the issuing CA,
 * valid for 4 days (thisUpdate an hour ago), as public CAs issue them; {@code openssl ocsp} checks it
 * (signature, chain to the root, status) before nginx gets it, and asks the responder once to prove
 * the leaf's AIA URL answers, as staplescan's live query will.
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
            // Not the responder's own answer: it is valid for one day only, which the default policy
            // already calls STAPLE_EXPIRING_SOON; the benchmark wants endpoints that PASS.
            Instant now = Instant.now();
            Files.write(
                    pki.stapleDer,
                    OcspResponses.build(OcspSpec.good(leaf)
                            .withTimes(now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(4)))));
            pki.check(commands, leafPem, issuerPem, List.of("-respin", pki.stapleDer.toString()));
            pki.check(commands, leafPem, issuerPem, List.of("-url", pki.responder.url()));
            return pki;
        } catch (IOException | InterruptedException | RuntimeException e) {
            pki.close();
            throw e;
        }
    }

    /**
     * {@code openssl ocsp} about the leaf, from a response file or from the responder: the answer
     * must verify (signed by the issuing CA, which chains to the root) and say good. No nonce: the
     * lab responder, like most public ones, does not echo it.
     */
    private void check(Commands commands, Path leafPem, Path issuerPem, List<String> source)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                "openssl",
                "ocsp",
                "-issuer",
                issuerPem.toString(),
                "-cert",
                leafPem.toString(),
                "-no_nonce",
                "-CAfile",
                caPem.toString(),
                "-verify_other",
                issuerPem.toString()));
        command.addAll(source);
        Commands.Result r = commands.run(command, Duration.ofSeconds(30));
        if (r.exitCode() != 0
                || !r.output().contains("Response verify OK")
                || !r.output().contains(": good")) {
            throw new IllegalStateException("openssl ocsp " + String.join(" ", source)
                    + " did not verify a good answer for the benchmark leaf:\n" + r.output());
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
