package dev.staplescan.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the CSV files of SPEC §7 ({@code endpoints.csv}, {@code findings.csv},
 * {@code rejections.csv}) for one run. Columns are listed in {@link CsvColumns}.
 *
 * <p>Format: RFC 4180 (comma, double quotes where needed, CRLF line ends), UTF-8, one header row,
 * optionally preceded by a UTF-8 byte order mark so that Excel detects the encoding. Every text that
 * came from the host list or a server is protected against formula injection
 * ({@link SpreadsheetSafe}). Rows are streamed from {@link RunData} straight to the files, so memory
 * does not grow with the run; {@link #export} reads the endpoints once for both endpoint and finding
 * files. Each file appears under its name only when complete.
 */
public final class CsvExporter {

    /** File name of the per-endpoint CSV. */
    public static final String ENDPOINTS_FILE = "endpoints.csv";
    /** File name of the per-finding CSV. */
    public static final String FINDINGS_FILE = "findings.csv";
    /** File name of the rejected-lines CSV. */
    public static final String REJECTIONS_FILE = "rejections.csv";

    private final boolean withBom;

    /**
     * @param withBom true to start each file with a UTF-8 byte order mark (for Excel, which
     *                otherwise reads UTF-8 as the local code page)
     */
    public CsvExporter(boolean withBom) {
        this.withBom = withBom;
    }

    /** An exporter without byte order mark. */
    public CsvExporter() {
        this(false);
    }

    /** Writes the three files into {@code directory}, creating it if needed. */
    public void export(RunData data, Path directory) throws IOException {
        Files.createDirectories(directory);
        try (CsvFile endpoints = new CsvFile(directory.resolve(ENDPOINTS_FILE), CsvColumns.ENDPOINTS, withBom);
                CsvFile findings = new CsvFile(directory.resolve(FINDINGS_FILE), CsvColumns.FINDINGS, withBom)) {
            stream(() -> data.forEachEndpoint(row -> {
                endpoints.print(CsvColumns.endpoint(row));
                row.findings().forEach(f -> findings.print(CsvColumns.finding(row.target(), f)));
            }));
            endpoints.commit();
            findings.commit();
        }
        writeRejections(data, directory.resolve(REJECTIONS_FILE));
    }

    /** Writes one row per endpoint to {@code file}. */
    public void writeEndpoints(RunData data, Path file) throws IOException {
        try (CsvFile out = new CsvFile(file, CsvColumns.ENDPOINTS, withBom)) {
            stream(() -> data.forEachEndpoint(row -> out.print(CsvColumns.endpoint(row))));
            out.commit();
        }
    }

    /** Writes one row per finding to {@code file}. */
    public void writeFindings(RunData data, Path file) throws IOException {
        try (CsvFile out = new CsvFile(file, CsvColumns.FINDINGS, withBom)) {
            stream(() -> data.forEachEndpoint(row ->
                    row.findings().forEach(f -> out.print(CsvColumns.finding(row.target(), f)))));
            out.commit();
        }
    }

    /** Writes one row per rejected host-list line to {@code file}. */
    public void writeRejections(RunData data, Path file) throws IOException {
        try (CsvFile out = new CsvFile(file, CsvColumns.REJECTIONS, withBom)) {
            stream(() -> data.forEachRejection(r -> out.print(CsvColumns.rejection(r))));
            out.commit();
        }
    }

    /** Runs a streaming pass, turning a write failure inside a RunData callback back into an IOException. */
    private static void stream(Runnable pass) throws IOException {
        try {
            pass.run();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
