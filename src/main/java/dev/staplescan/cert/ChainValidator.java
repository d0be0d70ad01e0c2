package dev.staplescan.cert;

import dev.staplescan.ocsp.IssuerLocator;
import java.security.InvalidAlgorithmParameterException;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import javax.security.auth.x500.X500Principal;

/**
 * Validates a presented chain with the JDK's PKIX path builder (revocation disabled: assessment is
 * offline, SPEC §2), at an instant when the presented certificates are valid, and classifies a
 * failure as self-signed, incomplete or untrusted. Uses the path builder rather than the validator
 * because servers send chains misordered or with extra certificates and clients cope with that.
 * Pure and thread-safe.
 */
public final class ChainValidator {

    private ChainValidator() {}

    /**
     * Judges whether the chain as sent leads to one of the trust anchors.
     *
     * @param chain            the certificates as sent, leaf first; must not be empty
     * @param anchors          the PKIX trust anchors; must not be empty
     * @param anchorsBySubject the anchor certificates with a given subject (to tell "incomplete" from "untrusted")
     */
    public static ChainTrust validate(
            List<X509Certificate> chain,
            Set<TrustAnchor> anchors,
            Function<X500Principal, List<X509Certificate>> anchorsBySubject) {
        String pkixMessage = "";
        for (Instant at : judgementInstants(chain)) {
            try {
                PKIXCertPathBuilderResult result = build(chain, anchors, at);
                @SuppressWarnings("unchecked")
                List<X509Certificate> path =
                        (List<X509Certificate>) result.getCertPath().getCertificates();
                X509Certificate anchor = result.getTrustAnchor().getTrustedCert();
                return new ChainTrust(
                        TrustStatus.TRUSTED,
                        path,
                        anchor,
                        "chains to "
                                + (anchor == null
                                        ? result.getTrustAnchor().getCAName()
                                        : Certificates.subject(anchor)));
            } catch (CertPathBuilderException e) {
                // No path at this instant: the server's chain does not lead to our anchors. Classified below.
                pkixMessage = e.getMessage();
            }
        }
        return classifyFailure(chain, anchorsBySubject, pkixMessage);
    }

    /**
     * Instants at which every presented certificate is valid (the middle of their common validity),
     * then the middle of the leaf's own validity: trust must not depend on the assessment clock.
     */
    private static List<Instant> judgementInstants(List<X509Certificate> chain) {
        Instant from = Instant.MIN;
        Instant to = Instant.MAX;
        for (X509Certificate c : chain) {
            from = later(from, c.getNotBefore().toInstant());
            to = earlier(to, c.getNotAfter().toInstant());
        }
        Set<Instant> out = new LinkedHashSet<>();
        if (!from.isAfter(to)) {
            out.add(middle(from, to));
        }
        X509Certificate leaf = chain.get(0);
        out.add(middle(leaf.getNotBefore().toInstant(), leaf.getNotAfter().toInstant()));
        return new ArrayList<>(out);
    }

    private static PKIXCertPathBuilderResult build(List<X509Certificate> chain, Set<TrustAnchor> anchors, Instant at)
            throws CertPathBuilderException {
        try {
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(chain.get(0));
            PKIXBuilderParameters params = new PKIXBuilderParameters(anchors, target);
            params.setRevocationEnabled(false);
            params.setDate(Date.from(at));
            params.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(chain)));
            return (PKIXCertPathBuilderResult)
                    CertPathBuilder.getInstance("PKIX").build(params);
        } catch (InvalidAlgorithmParameterException | NoSuchAlgorithmException e) {
            // Empty anchors (TrustAnchors forbids them) or a JDK without PKIX: our defect, not the server's.
            throw new IllegalStateException("cannot run PKIX path building", e);
        }
    }

    private static ChainTrust classifyFailure(
            List<X509Certificate> chain,
            Function<X500Principal, List<X509Certificate>> anchorsBySubject,
            String pkixMessage) {
        X509Certificate leaf = chain.get(0);
        if (Certificates.selfSigned(leaf)) {
            return ChainTrust.failed(
                    TrustStatus.SELF_SIGNED,
                    "self-signed certificate " + Certificates.subject(leaf) + " is not a trust anchor");
        }
        // Follow the chain upwards as far as the server's certificates go.
        X509Certificate current = leaf;
        Set<X509Certificate> visited = new HashSet<>();
        while (visited.add(current)) {
            X509Certificate next = issuerIn(chain, current);
            if (next == null) {
                return endOfChain(leaf, current, anchorsBySubject, pkixMessage);
            }
            current = next;
        }
        return ChainTrust.failed(TrustStatus.UNTRUSTED, "the chain loops at " + Certificates.subject(current));
    }

    @SuppressWarnings("ReferenceEquality") // the same certificate object, not an equal one
    private static ChainTrust endOfChain(
            X509Certificate leaf,
            X509Certificate top,
            Function<X500Principal, List<X509Certificate>> anchorsBySubject,
            String pkixMessage) {
        String issuerName = top.getIssuerX500Principal().getName();
        if (Certificates.selfSigned(top)) {
            return ChainTrust.failed(
                    TrustStatus.UNTRUSTED,
                    "the chain ends at root " + Certificates.subject(top) + ", which is not a trust anchor");
        }
        if (!anchorsBySubject.apply(top.getIssuerX500Principal()).isEmpty()) {
            return ChainTrust.failed(
                    TrustStatus.UNTRUSTED, "the path to trust anchor " + issuerName + " is rejected: " + pkixMessage);
        }
        if (top == leaf) {
            return ChainTrust.failed(
                    TrustStatus.INCOMPLETE,
                    "the leaf's issuer " + issuerName + " was not sent and is not a trust anchor");
        }
        return ChainTrust.failed(
                TrustStatus.UNTRUSTED,
                "the chain ends at " + Certificates.subject(top) + ", whose issuer " + issuerName
                        + " is not a trust anchor");
    }

    @SuppressWarnings("ReferenceEquality") // skip the child itself; an equal copy elsewhere may be its issuer
    private static X509Certificate issuerIn(List<X509Certificate> chain, X509Certificate child) {
        for (X509Certificate c : chain) {
            if (c != child && IssuerLocator.issued(c, child)) {
                return c;
            }
        }
        return null;
    }

    private static Instant middle(Instant a, Instant b) {
        return a.plusSeconds((b.getEpochSecond() - a.getEpochSecond()) / 2);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
