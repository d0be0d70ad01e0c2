package dev.staplescan.policy;

import dev.staplescan.check.FindingCode;
import dev.staplescan.check.Policy;
import dev.staplescan.check.Threshold;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Resolves {@code --policy FILE|NAME}: a NAME is a built-in policy shipped in {@code policies/} on
 * the class path ({@link #BUILT_IN}); anything else is a policy file. Also gives a policy's digest,
 * which a run keeps with its job parameters so a restart can prove it judges by the same rules.
 */
public final class Policies {

    /** The built-in policies, by name; {@code default} is {@link Policy#defaults()}. */
    public static final List<String> BUILT_IN = List.of("default", "baseline-requirements");

    /** A policy file is a few kilobytes; anything this big is the wrong file. */
    static final int MAX_BYTES = 64 * 1024;

    /**
     * A resolved policy.
     *
     * @param reference the built-in's name, or the file's absolute path: what a restart loads again
     * @param policy    the policy
     * @param digest    SHA-256 of the policy's {@link #canonical} form (hex), independent of comments and layout
     */
    public record Loaded(String reference, Policy policy, String digest) {}

    private Policies() {}

    /**
     * Loads a built-in by name or a policy file by path (relative to the working directory).
     *
     * @throws PolicyException when it is neither, or the file is unreadable or wrong
     */
    public static Loaded load(String reference) {
        if (reference == null || reference.isBlank()) {
            throw new PolicyException(
                    "''", 0, "no policy given; name a file or a built-in: " + String.join(", ", BUILT_IN));
        }
        if (BUILT_IN.contains(reference)) {
            return loaded(reference, builtIn(reference));
        }
        Path file = Path.of(reference);
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new PolicyException(
                    reference,
                    0,
                    "no such readable file, and not a built-in policy (built-ins: " + String.join(", ", BUILT_IN)
                            + ")");
        }
        return loaded(file.toAbsolutePath().normalize().toString(), parseFile(file, reference));
    }

    /** The built-in policy of that name, or {@code null} when there is none. */
    public static Policy builtIn(String name) {
        if (!BUILT_IN.contains(name)) {
            return null;
        }
        String resource = "policies/" + name + ".properties";
        try (InputStream in = Policies.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("built-in policy " + resource + " is missing from the class path");
            }
            // A built-in cannot name a base: that keeps resolution one level deep, with no cycles.
            return PolicyParser.parse("built-in '" + name + "'", decode(in.readAllBytes(), name), name, base -> null);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read built-in policy " + resource, e);
        }
    }

    /**
     * The policy as a complete file: its name, every severity and threshold, and its controls, in
     * catalogue order. Two files that mean the same policy have the same canonical form.
     */
    public static String canonical(Policy p) {
        StringBuilder out = new StringBuilder("name = ").append(p.name()).append('\n');
        for (FindingCode code : FindingCode.values()) {
            out.append("severity.")
                    .append(code.name())
                    .append(" = ")
                    .append(p.severityOf(code).name())
                    .append('\n');
        }
        for (Threshold t : Threshold.values()) {
            out.append(PolicyKeys.key(t))
                    .append(" = ")
                    .append(PolicyDuration.format(p.threshold(t)))
                    .append('\n');
        }
        // Only when set, so that the digest of a policy without responder rules is what it was before them
        // (a run started before they existed still restarts under its policy).
        if (!p.responder().allow().isEmpty()) {
            out.append(PolicyKeys.RESPONDER_ALLOW)
                    .append(" = ")
                    .append(p.responder().allow())
                    .append('\n');
        }
        if (!p.responder().deny().isEmpty()) {
            out.append(PolicyKeys.RESPONDER_DENY)
                    .append(" = ")
                    .append(p.responder().deny())
                    .append('\n');
        }
        for (FindingCode code : FindingCode.values()) {
            if (!p.controlOf(code).isEmpty()) {
                out.append("control.")
                        .append(code.name())
                        .append(" = ")
                        .append(p.controlOf(code))
                        .append('\n');
            }
        }
        return out.toString();
    }

    /** SHA-256 of the canonical form, in hex. */
    public static String digest(Policy p) {
        try {
            byte[] hash =
                    MessageDigest.getInstance("SHA-256").digest(canonical(p).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static Loaded loaded(String reference, Policy policy) {
        return new Loaded(reference, policy, digest(policy));
    }

    private static Policy parseFile(Path file, String shown) {
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new PolicyException(
                        shown, 0, "the file is larger than " + MAX_BYTES / 1024 + " KiB; is it really a policy file?");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new PolicyException(shown, 0, "cannot read the file: " + e.getMessage());
        }
        String fileName = file.getFileName().toString();
        String stem = fileName.contains(".") ? fileName.substring(0, fileName.lastIndexOf('.')) : fileName;
        return PolicyParser.parse(shown, decode(bytes, shown), stem.isEmpty() ? "policy" : stem, Policies::builtIn);
    }

    private static String decode(byte[] bytes, String shown) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new PolicyException(shown, 0, "the file is not UTF-8 text");
        }
    }
}
