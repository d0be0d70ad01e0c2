package dev.staplescan.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class OpensslClientsTest {

    /** What OpenSSL 3.0's s_time printed here for -time 2: "0.44s" is user CPU, "3 real seconds" rounded. */
    private static final String STIME = """
            Collecting connection statistics for 2 seconds
            *****************************************

            353 connections in 0.44s; 802.27 connections/user sec, bytes read 0
            353 connections in 3 real seconds, 0 bytes read per connection
            """;

    @Test
    void takesOnlyTheConnectionCountFromStime() {
        assertEquals(353, OpensslClients.stimeConnections(STIME));
    }

    @Test
    void anOutputWithoutTheRealSecondsLineHasNoCount() {
        assertEquals(-1, OpensslClients.stimeConnections("connect: Connection refused\nconnect problem\n"));
        assertEquals(-1, OpensslClients.stimeConnections("353 connections in 0.44s; 802.27 connections/user sec"));
    }
}
