package dev.staplescan.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SettingsTextTest {

    @Test
    void theStoredFormReadsBackEvenWithAwkwardPaths() {
        AuditSettings s = AuditSettings.of(
                Map.of(Settings.TRUST, Optional.of(Path.of("/etc/a b\\c\nd.pem")), Settings.HANDSHAKES, 2));

        String text = SettingsText.write(s);

        assertTrue(
                text.startsWith(SettingsText.HEADER + "\ninput=\nout=\ntrust=/etc/a b\\\\c\\nd.pem\npolicy=default\n"),
                text);
        assertTrue(text.contains("\nhandshakes=2\n"), text);
        assertEquals(s, AuditSettings.fromCanonical(SettingsText.read(text).orElseThrow()));
    }

    @Test
    void olderRowsAreNotInThisForm() {
        assertTrue(SettingsText.read("partitions=4 concurrency=256").isEmpty());
        assertTrue(SettingsText.read(null).isEmpty());
    }
}
