package dev.staplescan.store;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Stores a certificate chain as one column: the DER certificates concatenated. DER is
 * self-delimiting (tag, length, value), so the list is recovered by reading the lengths.
 */
final class DerChain {

    private DerChain() {}

    static byte[] join(List<byte[]> certificates) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        certificates.forEach(out::writeBytes);
        return out.toByteArray();
    }

    static List<byte[]> split(byte[] joined) {
        List<byte[]> certs = new ArrayList<>();
        if (joined == null) {
            return certs;
        }
        int pos = 0;
        while (pos < joined.length) {
            int end = pos + elementLength(joined, pos);
            if (end > joined.length || end <= pos) {
                throw new IllegalStateException("Stored chain is corrupt at byte " + pos);
            }
            byte[] cert = new byte[end - pos];
            System.arraycopy(joined, pos, cert, 0, cert.length);
            certs.add(cert);
            pos = end;
        }
        return certs;
    }

    /** Total length (header and content) of the DER element starting at {@code pos}. */
    private static int elementLength(byte[] b, int pos) {
        if (pos + 2 > b.length) {
            return -1;
        }
        int first = b[pos + 1] & 0xff;
        if (first < 0x80) {
            return 2 + first;
        }
        int n = first & 0x7f;
        if (n == 0 || n > 4 || pos + 2 + n > b.length) {
            return -1;
        }
        int len = 0;
        for (int i = 0; i < n; i++) {
            len = (len << 8) | (b[pos + 2 + i] & 0xff);
        }
        return 2 + n + len;
    }
}
