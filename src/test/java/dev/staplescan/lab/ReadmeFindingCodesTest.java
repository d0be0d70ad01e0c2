package dev.staplescan.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.staplescan.check.FindingCode;
import dev.staplescan.scan.TlsVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The README's "Finding codes" table is written by hand for readers, so this test holds it to the
 * catalogue: every code once, in catalogue order, with its area, default severity and title, and
 * the lab scenarios that produce it.
 */
class ReadmeFindingCodesTest {

    /** {@code | `CODE` | area | SEVERITY | meaning | scenarios |}. */
    private static final Pattern ROW =
            Pattern.compile("\\| `([A-Z_]+)` \\| ([a-z ]+) \\| ([A-Z]+) \\| ([^|]+) \\| ([^|]+) \\|");

    private static final Pattern SCENARIO = Pattern.compile("`([A-Z0-9_]+)`");

    /** One row of the table. */
    private record Row(String code, String area, String severity, String meaning, Set<String> scenarios) {}

    @Test
    void theTableListsEveryCodeOnceInCatalogueOrder() throws IOException {
        List<String> listed = rows().stream().map(Row::code).toList();

        assertEquals(
                Arrays.stream(FindingCode.values()).map(Enum::name).toList(),
                listed,
                "README.md, \"Finding codes\": one row per FindingCode, in catalogue order");
    }

    @Test
    void areaSeverityAndMeaningAreTheCatalogues() throws IOException {
        for (Row row : rows()) {
            FindingCode code = FindingCode.valueOf(row.code());

            assertEquals(code.area().label(), row.area(), row.code() + ": area");
            assertEquals(code.defaultSeverity().name(), row.severity(), row.code() + ": default severity");
            assertEquals(code.title(), row.meaning(), row.code() + ": meaning");
        }
    }

    @Test
    void theLabScenarioColumnNamesTheScenariosThatProduceTheCode() throws IOException {
        for (Row row : rows()) {
            FindingCode code = FindingCode.valueOf(row.code());
            Set<String> producing = Arrays.stream(Scenario.values())
                    .filter(s -> s.expectedCodes().contains(code))
                    .map(Enum::name)
                    .collect(Collectors.toCollection(TreeSet::new));

            assertFalse(row.scenarios().isEmpty(), row.code() + " names no lab scenario");
            assertTrue(
                    row.scenarios().containsAll(producing),
                    row.code() + ": the README names " + row.scenarios() + " but " + producing + " produce it");
            for (String name : row.scenarios()) {
                assertTrue(
                        producesUnderSomeVersions(Scenario.valueOf(name), code),
                        row.code() + ": scenario " + name + " never produces it");
            }
        }
    }

    /** Under both TLS versions, or under one alone (as for {@code TLS12_ONLY} under {@code --tls 1.3}). */
    private static boolean producesUnderSomeVersions(Scenario scenario, FindingCode code) {
        List<Set<TlsVersion>> choices = new ArrayList<>();
        choices.add(EnumSet.allOf(TlsVersion.class));
        Arrays.stream(TlsVersion.values()).map(EnumSet::of).forEach(choices::add);
        return choices.stream().anyMatch(v -> scenario.expectedCodes(v).contains(code));
    }

    private static List<Row> rows() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String section = readme.substring(readme.indexOf("### Finding codes"));
        section = section.substring(0, section.indexOf("\n### ", 1));
        List<Row> rows = new ArrayList<>();
        for (String line : section.lines().filter(l -> l.startsWith("| `")).toList()) {
            Matcher m = ROW.matcher(line);
            assertTrue(m.matches(), "README.md, \"Finding codes\": unreadable row " + line);
            Set<String> scenarios = new TreeSet<>();
            Matcher s = SCENARIO.matcher(m.group(5));
            while (s.find()) {
                scenarios.add(s.group(1));
            }
            rows.add(new Row(m.group(1), m.group(2), m.group(3), m.group(4).strip(), scenarios));
        }
        return rows;
    }
}
