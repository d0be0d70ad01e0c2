package dev.staplescan.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.staplescan.check.FindingCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class GlossaryTest {

    @ParameterizedTest
    @EnumSource(FindingCode.class)
    void everyCodeHasEveryField(FindingCode code) {
        Glossary.Entry e = Glossary.get().entry(code);

        List<String> values = List.of(e.meaning(), e.source(), e.nginx(), e.apache(), e.haproxy(), e.iis(), e.cloud());
        for (int i = 0; i < values.size(); i++) {
            String field = Glossary.FIELDS.get(i);
            assertFalse(values.get(i).isBlank(), () -> code + "." + field + " is missing from " + Glossary.RESOURCE);
        }
    }

    @ParameterizedTest
    @EnumSource(FindingCode.class)
    void everySourceNamesAStandard(FindingCode code) {
        String source = Glossary.get().entry(code).source();

        assertTrue(
                source.matches(".*(RFC \\d{4}|Baseline Requirements|CA/Browser Forum).*"), () -> code + ": " + source);
    }

    @Test
    void theFileHasNoKeyForAnUnknownCodeOrField() throws IOException {
        Properties p = new Properties();
        try (InputStream in = Glossary.class.getResourceAsStream(Glossary.RESOURCE)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        Set<String> unknown = new TreeSet<>();
        for (String key : p.stringPropertyNames()) {
            int dot = key.lastIndexOf('.');
            String code = key.substring(0, Math.max(0, dot));
            String field = key.substring(dot + 1);
            boolean known = Glossary.FIELDS.contains(field)
                    && Arrays.stream(FindingCode.values())
                            .anyMatch(c -> c.name().equals(code));
            if (!known) {
                unknown.add(key);
            }
        }
        assertTrue(unknown.isEmpty(), () -> "keys no code or field uses (a typo?): " + unknown);
    }

    @Test
    void remediationNamesTheDirectivesThatMatter() {
        Glossary.Entry missing = Glossary.get().entry(FindingCode.STAPLE_MISSING);

        assertTrue(missing.nginx().contains("ssl_stapling on")
                && missing.nginx().contains("ssl_stapling_verify on")
                && missing.nginx().contains("resolver")
                && missing.nginx().contains("ssl_trusted_certificate"));
        assertTrue(missing.apache().contains("SSLUseStapling On")
                && missing.apache().contains("SSLStaplingCache"));
        assertTrue(missing.haproxy().contains("ocsp-update on")
                && missing.haproxy().contains(".ocsp"));
        assertTrue(missing.iis().contains("reach the responder"));
        assertTrue(missing.cloud().contains("managed by the provider"));
    }
}
