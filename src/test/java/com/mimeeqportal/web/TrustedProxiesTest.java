package com.mimeeqportal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

    private final TrustedProxies proxies = TrustedProxies.parse("10.0.0.0/8, 192.168.1.5, ::1, fd00::/8");

    @Test
    void addressesAndBlocksAreTrustedAndNothingElse() {
        assertTrue(proxies.trusts("10.20.30.40"));
        assertTrue(proxies.trusts("192.168.1.5"));
        assertFalse(proxies.trusts("192.168.1.6"));
        assertTrue(proxies.trusts("0:0:0:0:0:0:0:1"));
        assertTrue(proxies.trusts("fd12::3"));
        assertFalse(proxies.trusts("11.0.0.1"));
        assertFalse(proxies.trusts("proxy.example"), "names are never looked up");
        assertFalse(TrustedProxies.parse("").trusts("127.0.0.1"), "none by default");
    }

    @Test
    void aBadEntryStopsTheStartWithItsName() {
        for (String bad : List.of("proxy.example", "10.0.0.0/33", "10.0.0.1/x", "1.2.3")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse(bad));
            assertTrue(e.getMessage().contains("portal.http.trusted-proxies"), e.getMessage());
        }
    }

    @Test
    void anUntrustedPeersHeadersAreIgnored() {
        TrustedProxies.Client client = proxies.client("203.0.113.9", false, List.of("1.2.3.4"), "https");
        assertEquals("203.0.113.9", client.address());
        assertFalse(client.https());
    }

    @Test
    void theRightMostUntrustedHopIsTheClient() {
        TrustedProxies.Client client = proxies.client("10.0.0.1", false,
                List.of("6.6.6.6, 198.51.100.7", "10.1.1.1"), "https");
        assertEquals("198.51.100.7", client.address(), "6.6.6.6 could have been written by the client");
        assertTrue(client.https());
    }

    @Test
    void garbageOrOnlyProxiesLeaveTheLastTrustedHop() {
        assertEquals("10.1.1.1", proxies.client("10.0.0.1", false, List.of("<script>, 10.1.1.1"), null).address());
        assertEquals("10.0.0.1", proxies.client("10.0.0.1", true, List.of(), null).address());
        assertTrue(proxies.client("10.0.0.1", true, List.of(), null).https(), "no header: the connection decides");
        assertFalse(proxies.client("10.0.0.1", true, List.of(), "http").https());
    }
}
