package dev.staplescan.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.staplescan.check.FindingCode;
import dev.staplescan.check.Severity;
import dev.staplescan.policy.Policies;
import dev.staplescan.policy.PolicyException;
import dev.staplescan.scan.ScanOptions;
import dev.staplescan.scan.TlsVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/** How a run's services are rebuilt from its job parameters (the path a restart takes). */
class DefaultRunServicesTest {

    @TempDir
    Path dir;

    private static JobParametersBuilder base() {
        return new JobParametersBuilder()
                .addLong(JobKeys.RUN_ID, 1L)
                .addLong(JobKeys.CONNECT_TIMEOUT_MS, 1000L, false)
                .addLong(JobKeys.HANDSHAKE_TIMEOUT_MS, 2000L, false)
                .addLong(JobKeys.TOTAL_TIMEOUT_MS, 9000L, false)
                .addLong(JobKeys.HANDSHAKES_PER_VERSION, 2L, false)
                .addString(JobKeys.CSV_BOM, "false", false)
                .addString(JobKeys.TRUST, "", false);
    }

    @Test
    void tlsVersionsAndAddressesComeFromTheParameters() {
        JobParameters p = base().addString(JobKeys.POLICY, "default", false)
                .addString(JobKeys.TLS_VERSIONS, "TLS_1_2", false)
                .addString(JobKeys.ALL_ADDRESSES, "true", false)
                .addLong(JobKeys.MAX_ADDRESSES, 8L, false)
                .toJobParameters();

        try (DefaultRunServices s = DefaultRunServices.fromJobParameters(p)) {
            ScanOptions o = s.scanOptions();
            assertEquals(List.of(TlsVersion.TLS_1_2), o.versions());
            assertTrue(o.allAddresses());
            assertEquals(8, o.maxAddresses());
            assertEquals(2, o.handshakesPerVersion());
        }
    }

    @Test
    void runsFromBeforeTheseParametersScanBothVersionsOnTheFirstAddressUnderTheDefaultPolicy() {
        try (DefaultRunServices s = DefaultRunServices.fromJobParameters(base().toJobParameters())) {
            assertEquals(ScanOptions.defaults().versions(), s.scanOptions().versions());
            assertEquals(false, s.scanOptions().allAddresses());
            assertEquals("default", s.policyName());
        }
    }

    @Test
    void theRunsPolicyIsLoadedAgainWhileItIsUnchanged() throws IOException {
        Path file = Files.writeString(dir.resolve("p.properties"), "name = p\nseverity.STAPLE_MISSING = LOW\n");
        Policies.Loaded loaded = Policies.load(file.toString());
        JobParameters p = base().addString(JobKeys.POLICY, loaded.reference(), false)
                .addString(JobKeys.POLICY_DIGEST, loaded.digest(), false)
                .toJobParameters();

        assertEquals(Severity.LOW, DefaultRunServices.policy(p).severityOf(FindingCode.STAPLE_MISSING));

        Files.writeString(file, "name = p\nseverity.STAPLE_MISSING = INFO\n");
        PolicyException e = assertThrows(PolicyException.class, () -> DefaultRunServices.policy(p));
        assertTrue(
                e.getMessage()
                        .startsWith("policy " + loaded.reference() + ": the policy changed since this run "
                                + "started (SHA-256 of its settings was " + loaded.digest() + ", is "),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("); restore it, or start a new run"), e.getMessage());
    }
}
