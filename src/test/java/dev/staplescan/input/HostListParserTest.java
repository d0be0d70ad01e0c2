package dev.staplescan.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HostListParserTest {

    private static Target plainTarget(String line) {
        return assertInstanceOf(Target.class, HostListParser.plain().parse(7, line));
    }

    private static Rejection plainRejection(String line) {
        return assertInstanceOf(Rejection.class, HostListParser.plain().parse(7, line));
    }

    @Test
    void plainHostGetsDefaultPortAndItselfAsSni() {
        Target t = plainTarget("Example.COM.");
        assertEquals("example.com", t.host());
        assertEquals(443, t.port());
        assertEquals("example.com", t.sni());
        assertEquals(7, t.line());
    }

    @Test
    void plainHostPortAndIpv6Forms() {
        assertEquals(8443, plainTarget("shop.example:8443").port());
        Target v6 = plainTarget("[2001:db8::1]:9443");
        assertEquals("2001:db8::1", v6.host());
        assertEquals(9443, v6.port());
        assertNull(v6.sni(), "no SNI for an address literal");
        assertEquals("::1", plainTarget("::1").host());
        assertEquals("[::1]:443", plainTarget("::1").endpoint());
    }

    @Test
    void plainIpv4HasNoSniAndInlineCommentIsIgnored() {
        Target t = plainTarget("  10.1.2.3:444   # edge box");
        assertEquals("10.1.2.3", t.host());
        assertEquals(444, t.port());
        assertNull(t.sni());
    }

    @Test
    void internationalNameBecomesPunycode() {
        assertEquals("xn--bcher-kva.example", plainTarget("bücher.example").host());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "example.com:0|port '0' is not a number from 1 to 65535",
                "example.com:65536|port '65536' is not a number from 1 to 65535",
                "example.com:https|port 'https' is not a number from 1 to 65535",
                "*.example.com|a wildcard is not a host",
                "https://example.com/|looks like a URL",
                "bad_name.example|invalid host name",
                "-lead.example|invalid host name",
                "999.1.1.1|invalid IPv4 address",
                "[2001:db8::1|missing ']'",
                "2001:db8::1::2|invalid IPv6 address",
                "a.example b.example|expected one endpoint per line",
            })
    void plainRejectionsSayWhy(String line, String reasonStart) {
        Rejection r = plainRejection(line);
        assertTrue(r.reason().startsWith(reasonStart), () -> "reason was: " + r.reason());
        assertEquals(line, r.content());
    }

    @Test
    void csvHeaderIsDetectedCaseInsensitivelyInAnyOrder() {
        HostListParser p = HostListParser.forFirstLine("Owner, HOST ,port,sni,extra");
        assertTrue(p.isCsv());
        Target t = assertInstanceOf(Target.class, p.parse(2, "payments,127.0.0.1,8443,shop.example,x"));
        assertEquals("127.0.0.1", t.host());
        assertEquals(8443, t.port());
        assertEquals("shop.example", t.sni());
        assertEquals("payments", t.owner());
        assertEquals("", t.environment());
    }

    @Test
    void firstLineWithoutHostColumnMeansPlainText() {
        assertFalse(HostListParser.forFirstLine("example.com:443").isCsv());
        assertFalse(HostListParser.forFirstLine("name,port").isCsv());
    }

    @Test
    void csvQuotedCellsAndEmptyOptionalColumns() {
        HostListParser p = HostListParser.forFirstLine("host,port,sni,owner,environment,tags");
        Target t = assertInstanceOf(Target.class, p.parse(3, "shop.example,,,\"Payments, EU\",prod,\"a;b\""));
        assertEquals(443, t.port());
        assertEquals("shop.example", t.sni());
        assertEquals("Payments, EU", t.owner());
        assertEquals("a;b", t.tags());
    }

    @Test
    void csvRejectsTooFewColumnsUnbalancedQuotesAndIpSni() {
        HostListParser p = HostListParser.forFirstLine("host,port,sni,owner");
        assertTrue(assertInstanceOf(Rejection.class, p.parse(2, "a.example,443"))
                .reason()
                .startsWith("expected at least 4 columns, found 2"));
        assertTrue(assertInstanceOf(Rejection.class, p.parse(3, "\"a.example,443,,x"))
                .reason()
                .startsWith("not a valid CSV record"));
        assertTrue(assertInstanceOf(Rejection.class, p.parse(4, "10.0.0.1,443,10.0.0.2,x"))
                .reason()
                .startsWith("sni must be a host name"));
    }

    @Test
    void ownerControlCharactersAreRemovedAndLongLabelsCut() {
        HostListParser p = HostListParser.forFirstLine("host,owner");
        Target t = assertInstanceOf(Target.class, p.parse(2, "a.example,\"x\u0007y" + "z".repeat(300) + "\""));
        assertEquals(HostListParser.MAX_LABEL, t.owner().length());
        assertTrue(t.owner().startsWith("x y"));
    }

    @Test
    void commentsAndBlankLinesAreSkippable() {
        assertTrue(HostListParser.isSkippable("   "));
        assertTrue(HostListParser.isSkippable("  # note"));
        assertFalse(HostListParser.isSkippable("example.com # note"));
    }
}
