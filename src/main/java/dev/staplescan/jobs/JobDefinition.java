package dev.staplescan.jobs;

import dev.staplescan.settings.AuditSettings;
import dev.staplescan.settings.Settings;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

/**
 * One audit defined in a file of {@code jobs/} (format: {@code jobs/README.md}). Relative paths in
 * the file have already been resolved against the file's directory, so a definition means the same
 * whatever directory the scheduler was started from (cron and systemd start elsewhere).
 *
 * @param file        the definition file
 * @param name        the audit's name: the file name without {@code .yaml} unless the file says otherwise;
 *                    runs, locks and retention are per name
 * @param description free text for people; empty when absent
 * @param inputs      the host lists; each is audited as its own run, one after another
 * @param settings    the settings of its runs (policy, scan, formats, CSV byte-order mark; a relative
 *                    policy file or trust bundle resolved), without host list and output directory
 * @param output      report directory pattern
 * @param retention   how long the details of old runs are kept
 * @param schedule    when {@code staplescan schedule} fires it; empty for a definition run only by hand
 * @param zone        the time zone of the schedule and of {@code {date}}/{@code {time}} in the output directory
 */
public record JobDefinition(
        Path file,
        String name,
        String description,
        List<Path> inputs,
        AuditSettings settings,
        OutputSpec output,
        Retention retention,
        Optional<CronSchedule> schedule,
        ZoneId zone) {

    public JobDefinition {
        inputs = List.copyOf(inputs);
    }

    /** Now, in the job's time zone. */
    public ZonedDateTime now() {
        return ZonedDateTime.now(zone);
    }

    /** The policy name or file, passed through as given ({@code default} when absent). */
    public String policy() {
        return settings.get(Settings.POLICY);
    }

    /** The settings of the run of one of the inputs, with the output directory expanded for {@code now}. */
    public AuditSettings settingsFor(Path input, ZonedDateTime now) {
        return settings.with(Settings.INPUT, Optional.of(input))
                .with(Settings.OUT, Optional.of(Path.of(output.expand(name, input, now))));
    }
}
