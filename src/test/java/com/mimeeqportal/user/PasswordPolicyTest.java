package com.mimeeqportal.user;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mimeeqportal.identity.Username;
import com.mimeeqportal.input.InvalidInputException;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private static final PasswordPolicy POLICY = PasswordPolicy.standard();
    private static final Username USER = new Username("someone.long@example.com");

    @Test
    void acceptsALongUncommonPassword() {
        assertDoesNotThrow(() -> POLICY.check("newPassword", "violet-tram-47-ledger", USER));
        assertDoesNotThrow(() -> POLICY.check("newPassword", "x".repeat(128), USER));
    }

    @Test
    void refusesTooShortAndTooLong() {
        assertEquals("validation.password.tooShort", refused("eleven-char"));
        assertEquals("validation.password.tooLong", refused("x".repeat(129)));
    }

    @Test
    void countsCharactersNotUtf16Units() {
        // Twelve emoji are 24 UTF-16 units but twelve characters: allowed.
        assertDoesNotThrow(() -> POLICY.check("newPassword", "\uD83D\uDE00".repeat(12), USER));
        assertEquals("validation.password.tooShort", refused("\uD83D\uDE00".repeat(11)));
    }

    @Test
    void refusesCommonPasswordsWhateverTheirCase() {
        assertEquals("validation.password.common", refused("Password1234"));
        assertEquals("validation.password.common", refused("QWERTYUIOP123"));
        assertEquals("validation.password.common", refused("correcthorsebatterystaple"));
    }

    @Test
    void refusesTheUsername() {
        assertEquals("validation.password.isUsername", refused("Someone.Long@example.com"));
    }

    @Test
    void theShippedListHasAboutAHundredEntries() throws Exception {
        try (var in = PasswordPolicy.class.getResourceAsStream("/com/mimeeqportal/user/common-passwords.txt")) {
            long entries = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).count();
            assertTrue(entries >= 100, "entries: " + entries);
        }
    }

    private static String refused(String password) {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> POLICY.check("newPassword", password, USER));
        assertEquals("newPassword", e.field());
        return e.messageKey();
    }
}
