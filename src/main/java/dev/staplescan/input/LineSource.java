package dev.staplescan.input;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads a file line by line as bytes and decodes each line on its own, so that one line with bytes
 * that are not UTF-8 is rejected alone instead of failing the whole file. Lines longer than
 * {@link #MAX_LINE_BYTES} are cut (and flagged), so a binary file given by mistake cannot exhaust memory.
 */
final class LineSource implements Closeable {

    static final int MAX_LINE_BYTES = 8192;

    /** One physical line. {@code text} is the decoded line (bad bytes replaced when {@code !decodable}). */
    record Line(long number, String text, boolean decodable, boolean truncated) {}

    private final InputStream in;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);
    private final CharsetDecoder strict = StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private long number;
    private boolean eof;

    LineSource(InputStream in) {
        this.in = new BufferedInputStream(in, 1 << 16);
    }

    /** The next line, or {@code null} at the end of the file. */
    Line next() throws IOException {
        if (eof) {
            return null;
        }
        buffer.reset();
        boolean truncated = false;
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            if (buffer.size() < MAX_LINE_BYTES) {
                buffer.write(b);
            } else {
                truncated = true;
            }
        }
        if (b == -1) {
            eof = true;
            if (buffer.size() == 0 && !truncated) {
                return null;
            }
        }
        number++;
        byte[] bytes = buffer.toByteArray();
        int start = number == 1 && startsWithBom(bytes) ? 3 : 0;
        int end = bytes.length > start && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        ByteBuffer slice = ByteBuffer.wrap(bytes, start, end - start);
        try {
            return new Line(number, strict.decode(slice).toString(), true, truncated);
        } catch (CharacterCodingException e) {
            // Not UTF-8 (often Latin-1 or a binary file): keep a readable copy for the rejection.
            String lenient = new String(bytes, start, end - start, StandardCharsets.UTF_8);
            return new Line(number, lenient, false, truncated);
        }
    }

    private static boolean startsWithBom(byte[] b) {
        return b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
