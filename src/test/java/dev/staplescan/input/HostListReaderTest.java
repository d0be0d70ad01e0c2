package dev.staplescan.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ExecutionContext;

class HostListReaderTest {

    @TempDir
    Path dir;

    private static List<HostListItem> readAll(HostListReader r, ExecutionContext ctx) throws Exception {
        r.open(ctx);
        List<HostListItem> items = new ArrayList<>();
        HostListItem i;
        while ((i = r.read()) != null) {
            items.add(i);
        }
        r.update(ctx);
        r.close();
        return items;
    }

    @Test
    void csvWithBomCrlfCommentsAndBadBytesKeepsLineNumbers() throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        b.writeBytes("host,port\r\n# comment\r\n\r\na.example,8443\r\n".getBytes(StandardCharsets.UTF_8));
        b.writeBytes(new byte[] {'c', 'a', 'f', (byte) 0xE9, '.', 'x', ',', '1', '\n'});
        b.writeBytes("b.example,99999\nc.example,".getBytes(StandardCharsets.UTF_8)); // no final newline
        Path f = dir.resolve("list.csv");
        Files.write(f, b.toByteArray());

        List<HostListItem> items = readAll(new HostListReader(f), new ExecutionContext());

        assertEquals(4, items.size());
        assertEquals(4, assertInstanceOf(Target.class, items.get(0)).line());
        Rejection latin1 = assertInstanceOf(Rejection.class, items.get(1));
        assertEquals(5, latin1.line());
        assertEquals("line is not valid UTF-8 text", latin1.reason());
        assertEquals(6, assertInstanceOf(Rejection.class, items.get(2)).line());
        Target last = assertInstanceOf(Target.class, items.get(3));
        assertEquals(7, last.line());
        assertEquals(443, last.port());
    }

    @Test
    void restartSkipsWhatWasAlreadyRead() throws Exception {
        Path f = dir.resolve("list.txt");
        Files.writeString(f, "a.example\nb.example\n# c\nd.example\ne.example\n");
        ExecutionContext ctx = new ExecutionContext();
        HostListReader first = new HostListReader(f);
        first.open(ctx);
        first.read();
        first.read();
        first.update(ctx); // what a committed chunk saves
        first.close();

        List<HostListItem> rest = readAll(new HostListReader(f), ctx);

        assertEquals(
                List.of("d.example", "e.example"),
                rest.stream().map(i -> ((Target) i).host()).toList());
        assertEquals(4, rest.get(0).line());
    }

    @Test
    void overlongLineIsRejectedNotLoaded() throws Exception {
        Path f = dir.resolve("binary.txt");
        Files.writeString(f, "x".repeat(100_000) + "\nok.example\n");

        List<HostListItem> items = readAll(new HostListReader(f), new ExecutionContext());

        Rejection r = assertInstanceOf(Rejection.class, items.get(0));
        assertTrue(r.reason().startsWith("line longer than"));
        assertTrue(r.content().length() <= HostListReader.MAX_CONTENT + 3);
        assertEquals("ok.example", ((Target) items.get(1)).host());
    }
}
