package dev.staplescan.cert;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;

/** Reads the leaf extensions that stapling depends on: AIA OCSP URLs and the TLS Feature (Must-Staple). */
public final class LeafExtensions {

    /** TLS Feature extension (RFC 7633 section 6). */
    public static final String TLS_FEATURE_OID = "1.3.6.1.5.5.7.1.24";
    /** TLS extension type status_request (RFC 6066 section 8), the feature that makes a certificate Must-Staple. */
    private static final int STATUS_REQUEST = 5;

    private LeafExtensions() {}

    /** The id-ad-ocsp URIs of the Authority Information Access extension (RFC 5280 section 4.2.2.1), in order. */
    public static List<String> ocspUrls(X509Certificate cert) {
        byte[] value = cert.getExtensionValue(Extension.authorityInfoAccess.getId());
        if (value == null) {
            return List.of();
        }
        List<String> urls = new ArrayList<>();
        try {
            AuthorityInformationAccess aia =
                    AuthorityInformationAccess.getInstance(JcaX509ExtensionUtils.parseExtensionValue(value));
            for (AccessDescription d : aia.getAccessDescriptions()) {
                GeneralName location = d.getAccessLocation();
                if (d.getAccessMethod().equals(AccessDescription.id_ad_ocsp)
                        && location.getTagNo() == GeneralName.uniformResourceIdentifier) {
                    urls.add(location.getName().toString());
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            // A CA that encoded AIA badly: clients cannot find a responder in it either, so "no URL".
            return List.of();
        }
        return List.copyOf(urls);
    }

    /**
     * True when the TLS Feature extension lists status_request (RFC 7633 section 4.2.3: the server
     * must then staple). An unreadable extension counts as absent: strict clients reject such a
     * certificate outright, which the chain checks report, not the stapling checks.
     */
    public static boolean mustStaple(X509Certificate cert) {
        byte[] value = cert.getExtensionValue(TLS_FEATURE_OID);
        if (value == null) {
            return false;
        }
        try {
            ASN1Primitive features = JcaX509ExtensionUtils.parseExtensionValue(value);
            for (var feature : ASN1Sequence.getInstance(features)) {
                if (ASN1Integer.getInstance(feature).hasValue(STATUS_REQUEST)) {
                    return true;
                }
            }
            return false;
        } catch (IOException | IllegalArgumentException e) {
            // Not a SEQUENCE OF INTEGER: see the method comment.
            return false;
        }
    }
}
