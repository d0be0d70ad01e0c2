package dev.staplescan.scan;

import java.security.GeneralSecurityException;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.util.Set;
import javax.net.ssl.CertPathTrustManagerParameters;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS for {@code https} responders (rare: RFC 6960 Appendix A and RFC 5019 expect plain HTTP). The
 * responder's certificate must chain to the run's trust anchors, the same ones chains are judged by
 * (JDK plus {@code --trust}), and name the URL's host. Revocation is not checked: that would be
 * another query to another URL from a certificate.
 */
final class ResponderTls {

    private ResponderTls() {}

    static SSLSocketFactory socketFactory(Set<TrustAnchor> anchors) {
        try {
            if (anchors.isEmpty()) {
                return SSLContext.getDefault().getSocketFactory();
            }
            PKIXBuilderParameters pkix = new PKIXBuilderParameters(anchors, new X509CertSelector());
            pkix.setRevocationEnabled(false);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
            tmf.init(new CertPathTrustManagerParameters(pkix));
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context.getSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot build a PKIX TLS context", e);
        }
    }
}
