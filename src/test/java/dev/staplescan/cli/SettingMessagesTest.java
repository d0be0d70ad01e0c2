package dev.staplescan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.staplescan.jobs.DefinitionException;
import dev.staplescan.jobs.JobDefinitionParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A wrong setting gets the same message from {@code staplescan scan} and from a job definition; only
 * the name in front follows the source ({@code --timeout} there, {@code scan.handshake-timeout} here).
 */
class SettingMessagesTest {

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0} {1} / {2}: {3}")
    @CsvSource(
            delimiter = '|',
            value = {
                "--partitions         | 0    | 'scan:\n  partitions: 0'             | must be a whole number from 1 to 256, not '0'",
                "--timeout            | 10   | 'scan:\n  handshake-timeout: 10'     | must be a duration such as 500ms, 10s, 2m, 1h or PT10S, not '10'",
                "--responder-timeout  | 20m  | 'scan:\n  responder-timeout: 20m'    | must be a duration from 1ms to 10m, not '20m'",
                "--tls                | 1.1  | 'scan:\n  tls: 1.1'                  | must be 1.2, 1.3 or both, not '1.1'",
                "--max-rejected-share | 2    | 'scan:\n  max-rejected-share: 2'     | must be a number from 0 to 1 (a share, e.g. 0.2), not '2'",
                "--max-addresses      | 65   | 'scan:\n  max-addresses: 65'         | must be a whole number from 1 to 64, not '65'",
                "--formats            | xlsx | 'output:\n  directory: o\n  formats: [xlsx]' | unknown format 'xlsx' (allowed: pdf, csv)",
                "--responder-deny     | 10.0.0.1/8 | 'scan:\n  responder-deny: [10.0.0.1/8]' | '10.0.0.1/8' has bits set after the /8 prefix; did you mean 10.0.0.0/8?"
            })
    void theSameWrongValueGetsTheSameMessageFromBothSources(String option, String value, String yaml, String problem)
            throws Exception {
        Path list = Files.writeString(tmp.resolve("hosts.txt"), "example.org\n");
        Path definition = Files.writeString(
                tmp.resolve("job.yaml"),
                "input: hosts.txt\n" + (yaml.startsWith("output") ? "" : "output: {directory: o}\n") + yaml + "\n");

        CliRun cli = CliRun.of(
                "scan",
                "--input",
                list.toString(),
                option,
                value,
                "--data",
                tmp.resolve("data").toString());
        DefinitionException file = assertThrows(DefinitionException.class, () -> JobDefinitionParser.parse(definition));

        assertEquals(ExitCodes.COULD_NOT_RUN, cli.exitCode(), cli::toString);
        assertEquals(
                "staplescan: " + option + ": " + problem + "\nTry 'staplescan scan --help'.\n",
                cli.err(),
                cli::toString);
        assertEquals(1, file.problems().size(), file.problems()::toString);
        String field = file.problems().get(0);
        assertEquals(problem, field.substring(field.indexOf(": ") + 2), field);
    }

    @ParameterizedTest(name = "concurrency {0}, partitions {1}")
    @CsvSource({"4, 8"})
    void settingsThatDoNotGoTogetherAlsoGetOneMessage(String concurrency, String partitions) throws Exception {
        Path list = Files.writeString(tmp.resolve("hosts.txt"), "example.org\n");
        Path definition = Files.writeString(
                tmp.resolve("job.yaml"),
                "input: hosts.txt\noutput: {directory: o}\nscan: {concurrency: " + concurrency + ", partitions: "
                        + partitions + "}\n");

        CliRun cli =
                CliRun.of("scan", "--input", list.toString(), "--concurrency", concurrency, "--partitions", partitions);
        List<String> problems = assertThrows(DefinitionException.class, () -> JobDefinitionParser.parse(definition))
                .problems();

        String problem = "must be at least partitions (" + partitions + "), not '" + concurrency
                + "': each partition keeps at least one handshake in flight";
        assertEquals(ExitCodes.COULD_NOT_RUN, cli.exitCode(), cli::toString);
        assertTrue(cli.err().startsWith("staplescan: --concurrency: " + problem + "\n"), cli::toString);
        assertEquals(List.of("scan.concurrency: " + problem), problems);
    }
}
