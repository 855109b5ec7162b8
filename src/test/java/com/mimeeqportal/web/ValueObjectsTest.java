package com.mimeeqportal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mimeeqportal.identity.TenantId;
import com.mimeeqportal.identity.Username;
import com.mimeeqportal.input.InvalidInputException;
import com.mimeeqportal.input.PageRequest;
import com.mimeeqportal.input.Text;
import com.mimeeqportal.tenant.MimeeqBaseUrl;
import com.mimeeqportal.tenant.TenantName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The value objects that stand between typed input and the rest of the portal. */
class ValueObjectsTest {

    @Test
    void usernamesAreTrimmedAndLowerCased() {
        assertEquals("admin@demo.example", new Username("  Admin@Demo.Example ").value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"%00", "99999999999999999999", "a%00b@example.com", "-operator", "name.", "a@b",
            "a@@b.example", "x@-bad.example", "user@example..com", "ab"})
    void newAccountsGetOnlyTheDocumentedForm(String raw) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Username.forNewAccount(raw));
        assertEquals("username", e.field());
    }

    @ParameterizedTest
    @ValueSource(strings = {"operator", "admin@demo.example", "sales@demo.example", "sales-1a2b3c4d@it.example",
            "first.last+tag@sub.example.co.uk", "ops_2", "007bond"})
    void theDemoNamesAndOrdinaryAddressesAreValidNewNames(String raw) {
        assertEquals(raw, Username.forNewAccount(raw).value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ab", "<b>x</b>@example.com", "name with space", "tab\tname", "bell\u0007name"})
    void usernamesRefuseWhatIsNotAName(String raw) {
        assertThrows(InvalidInputException.class, () -> new Username(raw));
    }

    @Test
    void oversizedInputIsRefusedNotTruncated() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new TenantName("x".repeat(10_000)));
        assertEquals("validation.tooLong", e.messageKey());
        assertEquals(120, e.arguments().get(0));
    }

    @Test
    void textRefusesControlAndBidiCharacters() {
        assertThrows(InvalidInputException.class, () -> Text.singleLine("a\r\nb", "f", 1, 10));
        assertThrows(InvalidInputException.class, () -> Text.singleLine("ab\u202Ecd", "f", 1, 10));
        assertEquals("Zürich Möbel", Text.singleLine(" Zürich Möbel ", "f", 1, 20));
    }

    @Test
    void baseUrlsAreHttpAddressesOnly() {
        assertEquals("https://mimeeqapi.com", new MimeeqBaseUrl("https://mimeeqapi.com/").value());
        assertEquals("http://localhost:8080/sandbox", new MimeeqBaseUrl("http://localhost:8080/sandbox/").value());
        for (String bad : new String[] {"ftp://x", "javascript:alert(1)", "https://user@host", "https://h/?q=1", "no url",
                "sandbox"}) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> new MimeeqBaseUrl(bad), bad);
            assertEquals("validation.baseUrl.invalid", e.messageKey());
        }
    }

    @Test
    void tenantIdsAreUuidsOrSystem() {
        assertTrue(TenantId.SYSTEM.isSystem());
        assertThrows(IllegalArgumentException.class, () -> new TenantId("../other"));
        assertEquals(36, TenantId.random().value().length());
    }

    @Test
    void pageNumbersAreBounded() {
        assertEquals(1, PageRequest.parse(null, 25).number());
        assertEquals(3, PageRequest.parse("3", 25).number());
        for (String bad : new String[] {"0", "-1", "1e9", "abc", "99999999", "2.5"}) {
            assertThrows(InvalidInputException.class, () -> PageRequest.parse(bad, 25), bad);
        }
    }
}
