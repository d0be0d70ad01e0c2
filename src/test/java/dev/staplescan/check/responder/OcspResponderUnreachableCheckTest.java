package dev.staplescan.check.responder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.staplescan.check.Scenario;
import dev.staplescan.lab.pki.CertStatus;
import dev.staplescan.lab.pki.IssuedCert;
import dev.staplescan.lab.pki.OcspResponses;
import dev.staplescan.scan.QueryOutcome;
import dev.staplescan.scan.ResponderAnswer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.junit.jupiter.api.Test;

class OcspResponderUnreachableCheckTest {

    private final OcspResponderUnreachableCheck check = new OcspResponderUnreachableCheck();
    private final IssuedCert leaf = Scenario.leaf();

    private List<String> messages(ResponderAnswer answer) {
        return Scenario.liveAnswerMessages(check, leaf, answer);
    }

    @Test
    void firesWhenTheConnectionFails() {
        List<String> m = messages(Scenario.liveFailed(leaf, QueryOutcome.CONNECT_FAILED, "ConnectException"));

        assertEquals(1, m.size());
        assertTrue(m.get(0).contains(Scenario.OCSP_URL) && m.get(0).contains("connect failed"), m.get(0));
    }

    @Test
    void firesOnAnHttpErrorATryLaterAndGarbage() {
        ResponderAnswer http500 = new ResponderAnswer(
                Scenario.OCSP_URL, "1", "00", QueryOutcome.ANSWERED, 500, new byte[0], Scenario.NOW, 12, null);
        assertTrue(messages(withSerial(http500)).get(0).contains("HTTP 500"));
        assertTrue(messages(Scenario.live(leaf, OcspResponses.error(OCSPRespBuilder.TRY_LATER), 12))
                .get(0)
                .contains("responseStatus try_later"));
        assertTrue(messages(Scenario.live(leaf, "<html>".getBytes(StandardCharsets.US_ASCII), 12))
                .get(0)
                .contains("not an OCSP response"));
    }

    @Test
    void firesWhenTheLiveAnswerIsSignedByAStranger() {
        byte[] forged = Scenario.staple(Scenario.spec(leaf)
                .withStatus(CertStatus.REVOKED, Scenario.NOW)
                .signedBy(Scenario.STRANGER_CA.certificate(), Scenario.STRANGER_CA.privateKey(), List.of()));

        List<String> m = messages(Scenario.live(leaf, forged, 12));

        assertEquals(1, m.size(), m::toString);
    }

    @Test
    void nearMissAVerifiedAnswerOrAQueryWeCouldNotMakeIsNotReported() {
        assertEquals(List.of(), messages(Scenario.live(leaf, Scenario.goodStaple(leaf), 12)));
        assertEquals(List.of(), messages(Scenario.liveFailed(leaf, QueryOutcome.ISSUER_UNKNOWN, "issuer unknown")));
    }

    @Test
    void nearMissAQueryWeDecidedNotToSendIsNoUnreachableResponder() {
        // An untrusted chain is never queried, and a policy refusal is OCSP_RESPONDER_BLOCKED: nothing was
        // sent, so nothing is known about the responder.
        assertEquals(
                List.of(),
                messages(Scenario.notSent(leaf, QueryOutcome.CHAIN_NOT_TRUSTED, "not queried: chain not trusted")));
        assertEquals(
                List.of(),
                messages(Scenario.notSent(leaf, QueryOutcome.POLICY_REFUSED, "refused by responder policy")));
    }

    @Test
    void theMessageNeverQuotesTheBodyOfAnAnswerThatIsNoOcspResponse() {
        // What the client records for a non-200 answer: status, length, content type; no body kept.
        ResponderAnswer adminPage = new ResponderAnswer(
                Scenario.OCSP_URL,
                "1",
                "00",
                QueryOutcome.ANSWERED,
                404,
                null,
                Scenario.NOW,
                12,
                "HTTP 404, 40 bytes, text/html");
        byte[] page = "<h1>internal admin: secret-token-42</h1>".getBytes(StandardCharsets.US_ASCII);

        String notFound = messages(withSerial(adminPage)).get(0);
        String garbage = messages(Scenario.live(leaf, page, 12)).get(0);

        assertTrue(notFound.endsWith("HTTP 404, 40 bytes, text/html instead of an OCSP response"), notFound);
        assertTrue(garbage.endsWith("the answer (HTTP 200, 40 bytes) is not an OCSP response"), garbage);
        assertFalse(garbage.contains("secret") || garbage.contains("tag") || garbage.contains("<h1>"), garbage);
    }

    private ResponderAnswer withSerial(ResponderAnswer a) {
        return new ResponderAnswer(
                a.url(),
                Scenario.live(leaf, null, 0).serial(),
                a.issuerKeyHash(),
                a.outcome(),
                a.httpStatus(),
                a.body(),
                a.queriedAt(),
                a.elapsedMillis(),
                a.error());
    }
}
