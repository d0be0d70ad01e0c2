package dev.staplescan.scan;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP/1.1 of one OCSP query (RFC 6960 Appendix A.1, RFC 9112), written and read by hand over a
 * socket the caller connected to an address it checked: {@code java.net.http.HttpClient} resolves the
 * URL's host itself, and a second lookup is exactly what DNS rebinding needs. Everything the other side
 * sends is bounded: header lines, header count, interim responses and the body. Nothing it sends is
 * quoted in an error; errors say what was wrong in our words.
 */
final class OcspHttp {

    static final int MAX_LINE = 8 * 1024;
    static final int MAX_HEADER_BYTES = 32 * 1024;
    static final int MAX_HEADERS = 100;
    static final int MAX_INTERIM = 5;

    private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.[01] ([1-9][0-9]{2})(?: .*)?");
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    /**
     * The head and body of a response.
     *
     * @param status      the status code
     * @param contentType the Content-Type, at most 100 characters; {@code ""} when absent
     * @param location    the Location header; {@code ""} when absent
     * @param body        the body; empty for redirects (not read) and bodiless statuses
     */
    record Response(int status, String contentType, String location, byte[] body) {}

    /** The other side does not speak HTTP/1.x the way an OCSP responder must. */
    static final class NotHttpException extends IOException {
        private static final long serialVersionUID = 1L;

        NotHttpException(String message) {
            super(message);
        }
    }

    /** The body is longer than allowed; it was not read further. */
    static final class TooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        TooLargeException(String message) {
            super(message);
        }
    }

    private OcspHttp() {}

    /** Writes the POST: no cookies, no compression, one request per connection. */
    static void writeRequest(OutputStream out, ResponderUrl url, byte[] request) throws IOException {
        String head = "POST " + url.target() + " HTTP/1.1\r\n"
                + "Host: " + url.hostHeader() + "\r\n"
                + "User-Agent: staplescan\r\n"
                + "Content-Type: application/ocsp-request\r\n"
                + "Accept: application/ocsp-response\r\n"
                + "Content-Length: " + request.length + "\r\n"
                + "Connection: close\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(request);
        out.flush();
    }

    /**
     * Reads the response: skips interim (1xx) responses, stops after the head of a redirect, reads a
     * body of at most {@code maxBytes} (by Content-Length, chunked, or up to the end of the connection).
     *
     * @throws NotHttpException  the bytes are not an HTTP/1.x response, or break its framing
     * @throws TooLargeException the body is longer than {@code maxBytes}
     * @throws EOFException      the connection ended before the response was complete
     */
    static Response read(InputStream in, int maxBytes) throws IOException {
        for (int interim = 0; interim <= MAX_INTERIM; interim++) {
            Matcher status = STATUS_LINE.matcher(line(in));
            if (!status.matches()) {
                throw new NotHttpException("the answer is not an HTTP/1.x response");
            }
            int code = Integer.parseInt(status.group(1));
            Head head = head(in);
            if (code == 101) {
                throw new NotHttpException("the answer switches protocols (HTTP 101), which was not asked for");
            }
            if (code < 200) {
                continue; // 100 Continue and other interim responses precede the real one (RFC 9110 15.2)
            }
            if (code >= 300 && code < 400) {
                return new Response(code, head.contentType, head.location, new byte[0]);
            }
            byte[] body = code == 204 || code == 304 ? new byte[0] : body(in, head, maxBytes);
            return new Response(code, head.contentType, head.location, body);
        }
        throw new NotHttpException("more than " + MAX_INTERIM + " interim (1xx) responses");
    }

    /** The headers that matter here. */
    private static final class Head {
        long contentLength = -1;
        boolean chunked;
        String contentType = "";
        String location = "";
    }

    private static Head head(InputStream in) throws IOException {
        Head head = new Head();
        int bytes = 0;
        for (int count = 0; ; count++) {
            String line = line(in);
            if (line.isEmpty()) {
                return head;
            }
            bytes += line.length() + 2;
            if (count >= MAX_HEADERS || bytes > MAX_HEADER_BYTES) {
                throw new NotHttpException("the answer's header section is over " + MAX_HEADERS + " fields or "
                        + MAX_HEADER_BYTES / 1024 + " KiB");
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || !TOKEN.matcher(line.substring(0, colon)).matches()) {
                throw new NotHttpException("the answer has a malformed header field"); // incl. obsolete line folding
            }
            String name = line.substring(0, colon).toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            switch (name) {
                case "content-length" -> {
                    long n = value.matches("[0-9]{1,18}") ? Long.parseLong(value) : -2;
                    if (n < 0 || (head.contentLength >= 0 && head.contentLength != n)) {
                        // Unparseable or conflicting lengths: the framing cannot be trusted (RFC 9112 6.3).
                        throw new NotHttpException("the answer has an invalid Content-Length");
                    }
                    head.contentLength = n;
                }
                case "transfer-encoding" ->
                    head.chunked = value.toLowerCase(Locale.ROOT).strip().endsWith("chunked");
                case "content-type" -> head.contentType = value.length() <= 100 ? value : value.substring(0, 100);
                case "location" -> head.location = value;
                default -> {
                    // not needed for OCSP
                }
            }
        }
    }

    private static byte[] body(InputStream in, Head head, int maxBytes) throws IOException {
        if (head.chunked) {
            return chunked(in, maxBytes); // Transfer-Encoding wins over Content-Length (RFC 9112 6.3)
        }
        if (head.contentLength > maxBytes) {
            throw new TooLargeException(
                    "answer of " + head.contentLength + " bytes (Content-Length) exceeds the limit of " + maxBytes);
        }
        if (head.contentLength >= 0) {
            byte[] body = in.readNBytes((int) head.contentLength);
            if (body.length < head.contentLength) {
                throw new EOFException("the connection closed after " + body.length + " of " + head.contentLength
                        + " bytes of the answer");
            }
            return body;
        }
        byte[] body = in.readNBytes(maxBytes + 1); // no length given: the body ends with the connection
        if (body.length > maxBytes) {
            throw new TooLargeException("answer exceeds the limit of " + maxBytes + " bytes");
        }
        return body;
    }

    private static byte[] chunked(InputStream in, int maxBytes) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = line(in);
            int semicolon = sizeLine.indexOf(';');
            String hex = (semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).strip();
            if (!hex.matches("[0-9A-Fa-f]{1,8}")) {
                throw new NotHttpException("the answer's chunked encoding is malformed");
            }
            long size = Long.parseLong(hex, 16);
            if (size == 0) {
                head(in); // trailer fields, bounded like the header section, then the empty line
                return body.toByteArray();
            }
            if (body.size() + size > maxBytes) {
                throw new TooLargeException("answer exceeds the limit of " + maxBytes + " bytes");
            }
            byte[] chunk = in.readNBytes((int) size);
            if (chunk.length < size) {
                throw new EOFException("the connection closed inside a chunk of the answer");
            }
            body.writeBytes(chunk);
            if (!line(in).isEmpty()) {
                throw new NotHttpException("the answer's chunked encoding is malformed");
            }
        }
    }

    /** One line without its CRLF (or bare LF), as ISO-8859-1 text, at most {@link #MAX_LINE} bytes. */
    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException(
                        line.isEmpty()
                                ? "the connection closed without a complete answer"
                                : "the answer ends mid-line");
            }
            if (b == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            if (line.length() >= MAX_LINE) {
                throw new NotHttpException("the answer has a line longer than " + MAX_LINE / 1024 + " KiB");
            }
            line.append((char) b);
        }
    }
}
