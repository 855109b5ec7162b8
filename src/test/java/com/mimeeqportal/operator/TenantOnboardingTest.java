package com.mimeeqportal.operator;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.mimeeqportal.input.InvalidInputException;
import com.mimeeqportal.tenant.MimeeqBaseUrl;
import org.junit.jupiter.api.Test;

/** The key travels in a header to the tenant's base URL: in production that URL must be https. */
class TenantOnboardingTest {

    @Test
    void plainHttpIsRefusedUnlessAllowed() {
        MimeeqBaseUrl http = new MimeeqBaseUrl("http://mimeeq.internal.example");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> TenantOnboarding.checkScheme(http, false));
        assertEquals("baseUrl", e.field());
        assertEquals("validation.baseUrl.https", e.messageKey());
        assertDoesNotThrow(() -> TenantOnboarding.checkScheme(http, true));
        assertDoesNotThrow(() -> TenantOnboarding.checkScheme(MimeeqBaseUrl.PRODUCTION, false));
        assertDoesNotThrow(() -> TenantOnboarding.checkScheme(new MimeeqBaseUrl("https://mimeeq.example/api"), false));
    }
}
