package dev.staplescan.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.staplescan.lab.pki.CertificateAuthority;
import dev.staplescan.lab.pki.LeafSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class DerChainTest {

    @Test
    void joinedChainSplitsBackIntoTheSameCertificates() throws Exception {
        CertificateAuthority root = CertificateAuthority.root("r");
        CertificateAuthority ca = root.intermediate("i");
        byte[] leaf = ca.issue(LeafSpec.forName("a.example")).certificate().getEncoded();
        byte[] mid = ca.certificate().getEncoded();

        List<byte[]> back = DerChain.split(DerChain.join(List.of(leaf, mid)));

        assertEquals(2, back.size());
        assertArrayEquals(leaf, back.get(0));
        assertArrayEquals(mid, back.get(1));
    }

    @Test
    void shortFormLengthsAndEmptyChains() {
        byte[] tiny = {0x30, 0x02, 0x05, 0x00};
        assertEquals(2, DerChain.split(DerChain.join(List.of(tiny, tiny))).size());
        assertTrue(DerChain.split(null).isEmpty());
        assertTrue(DerChain.split(new byte[0]).isEmpty());
    }

    @Test
    void truncatedDataIsReportedNotMisread() {
        byte[] cut = {0x30, (byte) 0x82, 0x01, 0x00, 0x01};
        assertThrows(IllegalStateException.class, () -> DerChain.split(cut));
    }
}
