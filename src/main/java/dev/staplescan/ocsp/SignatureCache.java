package dev.staplescan.ocsp;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Remembers the outcome of signature verifications, which dominate the cost of assessing an
 * endpoint (one ECDSA or RSA verification costs hundreds of microseconds). CAs pre-sign OCSP
 * responses, so the many hosts sharing a certificate usually staple byte-identical responses:
 * each is then verified once per run (SPEC §10). A verification is a pure function of the signed
 * bytes and the verifying certificate, so remembering it cannot change a result. Bounded (least
 * recently used goes first) and thread-safe; two threads racing on one key may both compute it.
 */
public final class SignatureCache {

    /** Remembers nothing: every verification is done afresh. */
    public static final SignatureCache NONE = new SignatureCache(0);

    private final int capacity;
    private final Map<String, Boolean> results;

    /** @param capacity how many results to keep; 0 keeps none */
    public SignatureCache(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must not be negative, got " + capacity);
        }
        this.capacity = capacity;
        this.results = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > SignatureCache.this.capacity;
            }
        };
    }

    /**
     * @param signed   the signed object's bytes (a staple, a certificate)
     * @param verifier the encoded certificate whose key is tried
     * @param verify   the verification itself, run only when the result is not known
     */
    boolean verified(byte[] signed, byte[] verifier, BooleanSupplier verify) {
        if (capacity == 0) {
            return verify.getAsBoolean();
        }
        String key = sha256(signed) + sha256(verifier);
        synchronized (results) {
            Boolean known = results.get(key);
            if (known != null) {
                return known;
            }
        }
        boolean result = verify.getAsBoolean();
        synchronized (results) {
            results.put(key, result);
        }
        return result;
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is mandatory in every JDK", e);
        }
    }
}
