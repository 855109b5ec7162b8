package com.mimeeqportal.sandbox;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class AdminGuardTest {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.3.2.1", "::1", "0:0:0:0:0:0:0:1", "::ffff:127.0.0.1"})
    void loopbackAddressesAreLocalCallers(String address) {
        assertTrue(AdminGuard.isLocalCaller(address, false));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "10.0.0.7", "192.168.1.20", "2001:db8::1", "fe80::1", "localhost", "bad"})
    void otherAddressesAndHostNamesAreNot(String address) {
        assertFalse(AdminGuard.isLocalCaller(address, false));
    }

    @Test
    void aRequestForwardedByALocalProxyIsNotLocal() {
        assertFalse(AdminGuard.isLocalCaller("127.0.0.1", true));
    }
}
