package dev.staplescan.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.staplescan.scan.HostRules;
import dev.staplescan.settings.AuditSettings;
import dev.staplescan.settings.Settings;
import dev.staplescan.settings.SettingsText;
import org.junit.jupiter.api.Test;

class MethodologyFactsTest {

    @Test
    void theResponderSentenceSaysWhereQueriesMayGo() {
        AuditSettings denied = AuditSettings.defaults().with(Settings.RESPONDER_DENY, HostRules.parse("private"));

        String text = MethodologyFacts.responder(RunSettings.parse(SettingsText.write(denied)));

        assertTrue(
                text.contains("only when its chain validated") && text.contains("never responders matching private"),
                text);
    }

    @Test
    void offOrNotRecordedIsSaidSo() {
        AuditSettings off = AuditSettings.defaults().with(Settings.RESPONDER_QUERY, false);
        String before = SettingsText.write(AuditSettings.defaults())
                .lines()
                .filter(l -> !l.startsWith("responder-allow=") && !l.startsWith("responder-deny="))
                .reduce("", (a, b) -> a + b + "\n");

        assertEquals(
                "The certificates' OCSP responders were not queried (--no-responder-query).",
                MethodologyFacts.responder(RunSettings.parse(SettingsText.write(off))));
        assertTrue(MethodologyFacts.responder(RunSettings.parse(before)).endsWith("recorded no responder policy."));
    }
}
