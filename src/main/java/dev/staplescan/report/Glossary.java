package dev.staplescan.report;

import dev.staplescan.check.FindingCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The glossary text of every finding code: what it means, which standard makes it a problem, and what
 * to do about it on common servers. Read from {@code glossary/codes.properties} (UTF-8) on the class
 * path, keys {@code CODE.field}; kept out of {@link FindingCode} because it is documentation that
 * follows server versions, while the enum is a stable contract.
 */
public final class Glossary {

    /** The resource holding the text. */
    static final String RESOURCE = "/glossary/codes.properties";

    /** The fields every code has, in the order the report prints them. */
    public static final List<String> FIELDS =
            List.of("meaning", "source", "nginx", "apache", "haproxy", "iis", "cloud");

    /**
     * One code's glossary text.
     *
     * @param code    the finding code
     * @param meaning what the finding means, in plain words
     * @param source  the standard behind it (RFC section, CA/B Forum Baseline Requirements section)
     * @param nginx   remediation on nginx
     * @param apache  remediation on Apache httpd
     * @param haproxy remediation on HAProxy
     * @param iis     remediation on IIS (Windows Schannel)
     * @param cloud   remediation on cloud load balancers (AWS, Azure, Google Cloud)
     */
    public record Entry(
            FindingCode code,
            String meaning,
            String source,
            String nginx,
            String apache,
            String haproxy,
            String iis,
            String cloud) {}

    private static Glossary loaded;

    private final Map<FindingCode, Entry> entries;

    private Glossary(Map<FindingCode, Entry> entries) {
        this.entries = entries;
    }

    /** The glossary, read once per process. */
    public static synchronized Glossary get() {
        if (loaded == null) {
            loaded = read();
        }
        return loaded;
    }

    /** The entry of {@code code}. */
    public Entry entry(FindingCode code) {
        return entries.get(code);
    }

    private static Glossary read() {
        Properties p = new Properties();
        try (InputStream in = Glossary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                p.load(reader);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
        Map<FindingCode, Entry> entries = new EnumMap<>(FindingCode.class);
        for (FindingCode c : FindingCode.values()) {
            // a missing field reads as "" here; GlossaryTest makes sure none is missing
            entries.put(
                    c,
                    new Entry(
                            c,
                            field(p, c, "meaning"),
                            field(p, c, "source"),
                            field(p, c, "nginx"),
                            field(p, c, "apache"),
                            field(p, c, "haproxy"),
                            field(p, c, "iis"),
                            field(p, c, "cloud")));
        }
        return new Glossary(entries);
    }

    private static String field(Properties p, FindingCode code, String field) {
        return p.getProperty(code.name() + "." + field, "").strip();
    }
}
