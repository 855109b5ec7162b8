package com.mimeeqportal.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SandboxShortCodesTest {

    @Test
    void aCodeIsSixUpperCaseLettersOrDigits() {
        assertTrue(SandboxShortCodes.derive("embed:PROD-1").matches("[A-Z0-9]{6}"));
    }

    @Test
    void theSameSubjectAlwaysGetsTheSameCode() {
        assertEquals(SandboxShortCodes.derive("embed:PROD-1"), SandboxShortCodes.derive("embed:PROD-1"));
    }

    @Test
    void differentSubjectsGetDifferentCodes() {
        assertNotEquals(SandboxShortCodes.derive("embed:PROD-1"), SandboxShortCodes.derive("embed:PROD-2"));
    }
}
