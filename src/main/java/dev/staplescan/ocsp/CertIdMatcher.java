package dev.staplescan.ocsp;

import java.math.BigInteger;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Picks the SingleResponse about the leaf (RFC 6960 section 4.1.1: serial, issuer name hash and
 * issuer key hash under the CertID's own hash algorithm, so SHA-1 and SHA-256 CertIDs both work)
 * and reads its status and dates. Pure and thread-safe.
 */
final class CertIdMatcher {

    private CertIdMatcher() {}

    static SingleResponseCheck match(
            ParsedStaple staple, X509Certificate leaf, Issuer issuer, Instant now, Duration skew) {
        List<BigInteger> serials = new ArrayList<>();
        List<ParsedStaple.Single> sameSerial = new ArrayList<>();
        for (ParsedStaple.Single s : staple.singles()) {
            serials.add(s.serial());
            if (s.serial().equals(leaf.getSerialNumber())) {
                sameSerial.add(s);
            }
        }
        String firstAlgorithm = staple.singles().isEmpty()
                ? ""
                : hashName(staple.singles().get(0).certId().getHashAlgOID());
        if (sameSerial.isEmpty()) {
            return SingleResponseCheck.mismatch(CertIdMatch.SERIAL_MISMATCH, firstAlgorithm, serials);
        }
        if (!issuer.found()) {
            // Without the issuer the name and key hashes cannot be recomputed; the serial is all we can compare.
            return read(sameSerial.get(0), CertIdMatch.SERIAL_ONLY, serials, now, skew);
        }
        for (ParsedStaple.Single s : sameSerial) {
            if (matchesIssuer(s, issuer.certificate())) {
                return read(s, CertIdMatch.MATCH, serials, now, skew);
            }
        }
        return SingleResponseCheck.mismatch(
                CertIdMatch.ISSUER_MISMATCH, hashName(sameSerial.get(0).certId().getHashAlgOID()), serials);
    }

    private static SingleResponseCheck read(
            ParsedStaple.Single s, CertIdMatch match, List<BigInteger> serials, Instant now, Duration skew) {
        RevocationStatus status = RevocationStatus.GOOD;
        Instant revokedAt = null;
        RevocationReason reason = RevocationReason.NOT_REVOKED;
        if (s.status() instanceof RevokedStatus revoked) {
            status = RevocationStatus.REVOKED;
            revokedAt = revoked.getRevocationTime().toInstant();
            reason = revoked.hasRevocationReason()
                    ? RevocationReason.of(revoked.getRevocationReason())
                    : RevocationReason.NOT_GIVEN;
        } else if (s.status() instanceof UnknownStatus) {
            status = RevocationStatus.UNKNOWN;
        }
        return new SingleResponseCheck(
                match,
                hashName(s.certId().getHashAlgOID()),
                serials,
                status,
                revokedAt,
                reason,
                s.thisUpdate(),
                s.nextUpdate(),
                validity(s.thisUpdate(), s.nextUpdate(), now, skew));
    }

    /** RFC 6960 section 3.2 items 4 and 5, with a skew allowance either way. */
    static TimeValidity validity(Instant thisUpdate, Instant nextUpdate, Instant now, Duration skew) {
        if (thisUpdate.isAfter(now.plus(skew))) {
            return TimeValidity.NOT_YET_VALID;
        }
        if (nextUpdate == null) {
            return TimeValidity.NO_NEXT_UPDATE;
        }
        if (nextUpdate.isBefore(now.minus(skew))) {
            return TimeValidity.EXPIRED;
        }
        return TimeValidity.CURRENT;
    }

    private static boolean matchesIssuer(ParsedStaple.Single s, X509Certificate issuer) {
        try {
            DigestCalculatorProvider digests = new JcaDigestCalculatorProviderBuilder().build();
            return s.certId().matchesIssuer(new JcaX509CertificateHolder(issuer), digests);
        } catch (OCSPException e) {
            // A CertID hashed with an algorithm the JDK does not offer: clients cannot match it either.
            return false;
        } catch (OperatorCreationException | CertificateEncodingException e) {
            // The digest provider needs no algorithm yet, and the issuer was parsed already: our defect.
            throw new IllegalStateException("cannot prepare CertID comparison", e);
        }
    }

    static String hashName(ASN1ObjectIdentifier oid) {
        return switch (oid.getId()) {
            case "1.3.14.3.2.26" -> "SHA-1";
            case "2.16.840.1.101.3.4.2.1" -> "SHA-256";
            case "2.16.840.1.101.3.4.2.2" -> "SHA-384";
            case "2.16.840.1.101.3.4.2.3" -> "SHA-512";
            default -> oid.getId();
        };
    }
}
