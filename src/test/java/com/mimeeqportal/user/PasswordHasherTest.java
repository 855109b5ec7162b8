package com.mimeeqportal.user;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    @Test
    void productionStrengthIsOwaspsSixHundredThousandIterations() {
        String stored = new PasswordHasher().hash("correct horse battery".toCharArray());
        assertTrue(stored.startsWith("pbkdf2-sha256$600000$"), stored);
    }

    @Test
    void verifiesOnlyTheRightPassword() {
        PasswordHasher hasher = new PasswordHasher(1_000);
        String stored = hasher.hash("correct horse battery".toCharArray());
        assertTrue(hasher.verify("correct horse battery".toCharArray(), stored));
        assertFalse(hasher.verify("correct horse batterz".toCharArray(), stored));
        assertFalse(hasher.verify("".toCharArray(), stored));
        assertFalse(stored.contains("correct"));
    }

    @Test
    void saltsEveryHash() {
        PasswordHasher hasher = new PasswordHasher(1_000);
        assertNotEquals(hasher.hash("same".toCharArray()), hasher.hash("same".toCharArray()));
    }

    @Test
    void decoyMatchesNoTypicalPassword() {
        PasswordHasher hasher = new PasswordHasher();
        assertFalse(hasher.verify("password".toCharArray(), hasher.decoy()));
        assertFalse(hasher.verify("not a stored form".toCharArray(), "plain"));
    }
}
