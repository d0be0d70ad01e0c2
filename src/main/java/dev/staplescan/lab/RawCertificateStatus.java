package dev.staplescan.lab;

import java.io.IOException;
import java.io.OutputStream;
import org.bouncycastle.asn1.ocsp.OCSPResponse;
import org.bouncycastle.asn1.ocsp.OCSPResponseStatus;
import org.bouncycastle.tls.CertificateStatus;
import org.bouncycastle.tls.CertificateStatusType;
import org.bouncycastle.tls.TlsUtils;

/**
 * A TLS 1.2 CertificateStatus message body carrying arbitrary bytes. BC's stock class insists on a
 * parseable OCSPResponse; the lab must also staple garbage and error responses, so {@link #encode}
 * writes the RFC 6066 section 8 struct itself: status_type ocsp(1), then opaque
 * OCSPResponse&lt;1..2^24-1&gt;.
 */
final class RawCertificateStatus extends CertificateStatus {

    /** The parent insists on an OCSPResponse object; this one is never encoded. */
    private static final OCSPResponse PLACEHOLDER =
            new OCSPResponse(new OCSPResponseStatus(OCSPResponseStatus.INTERNAL_ERROR), null);

    private final byte[] staple;

    RawCertificateStatus(byte[] staple) {
        super(CertificateStatusType.ocsp, PLACEHOLDER);
        this.staple = staple.clone();
    }

    @Override
    public void encode(OutputStream output) throws IOException {
        TlsUtils.writeUint8(CertificateStatusType.ocsp, output);
        TlsUtils.writeOpaque24(staple, output);
    }

    /** The same struct, as the extension_data of a TLS 1.3 status_request CertificateEntry extension (RFC 8446 4.4.2.1). */
    static byte[] extensionData(byte[] staple) {
        byte[] data = new byte[4 + staple.length];
        data[0] = CertificateStatusType.ocsp;
        data[1] = (byte) (staple.length >>> 16);
        data[2] = (byte) (staple.length >>> 8);
        data[3] = (byte) staple.length;
        System.arraycopy(staple, 0, data, 4, staple.length);
        return data;
    }
}
