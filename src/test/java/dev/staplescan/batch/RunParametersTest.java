package dev.staplescan.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.staplescan.check.FindingCode;
import dev.staplescan.check.Severity;
import dev.staplescan.policy.Policies;
import dev.staplescan.policy.PolicyException;
import dev.staplescan.settings.AuditSettings;
import dev.staplescan.settings.OldRuns;
import dev.staplescan.settings.Settings;
import dev.staplescan.settings.TlsChoice;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.job.parameters.JobParameters;

class RunParametersTest {

    @TempDir
    Path dir;

    @Test
    void everySettingTravelsAsItsCanonicalText() {
        AuditSettings s = AuditSettings.of(Map.of(
                Settings.OUT,
                Optional.of(Path.of("/r")),
                Settings.TLS,
                TlsChoice.TLS_1_2,
                Settings.HANDSHAKE_TIMEOUT,
                Duration.ofMillis(2500),
                Settings.RESPONDER_QUERY,
                false));

        JobParameters p = new RunParameters(9, s, "d1").toJobParameters();

        assertEquals("1.2", p.getString("tls"));
        assertEquals("2500ms", p.getString("handshake-timeout"));
        assertEquals("false", p.getString("responder-query"));
        assertEquals(9L, p.getLong(JobKeys.RUN_ID));
        assertEquals(1, p.getIdentifyingParameters().size(), "only the run id identifies the job instance");
        assertEquals(new RunParameters(9, s, "d1"), RunParameters.from(p));
        assertEquals(Path.of("/r"), RunParameters.from(p).out());
    }

    @Test
    void parametersWithoutTheVersionAreReadAsTheOldForm() {
        JobParameters old = OldRuns.parameters(false);

        RunParameters r = RunParameters.from(old);

        assertEquals(7, r.runId());
        assertEquals("ab12", r.policyDigest());
        assertEquals(8, r.settings().get(Settings.PARTITIONS));
        assertEquals(Duration.ofSeconds(9), r.settings().scanOptions().totalTimeout());
        assertEquals(Path.of("/srv/reports/run-7"), r.out());
    }

    @Test
    void theRunsPolicyIsLoadedAgainWhileItIsUnchanged() throws IOException {
        Path file = Files.writeString(dir.resolve("p.properties"), "name = p\nseverity.STAPLE_MISSING = LOW\n");
        Policies.Loaded loaded = Policies.load(file.toString());
        RunParameters run = new RunParameters(
                1, AuditSettings.defaults().with(Settings.POLICY, loaded.reference()), loaded.digest());

        assertEquals(Severity.LOW, run.policy().severityOf(FindingCode.STAPLE_MISSING));

        Files.writeString(file, "name = p\nseverity.STAPLE_MISSING = INFO\n");
        PolicyException e = assertThrows(PolicyException.class, run::policy);
        assertTrue(
                e.getMessage()
                        .startsWith("policy " + loaded.reference() + ": the policy changed since this run "
                                + "started (SHA-256 of its settings was " + loaded.digest() + ", is "),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("); restore it, or start a new run"), e.getMessage());
    }
}
