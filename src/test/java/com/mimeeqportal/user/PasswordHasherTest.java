package com.mimeeqportal.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
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

    @Test
    void decoyCostsWhatARealCheckCosts() {
        // Its form and iteration count are what verify derives from: a real hash's, at full strength.
        String[] decoy = new PasswordHasher().decoy().split("\\$");
        String[] real = new PasswordHasher().hash("correct horse battery".toCharArray()).split("\\$");
        assertEquals(4, decoy.length);
        assertEquals(real[0] + "$" + real[1], decoy[0] + "$" + decoy[1]);
        assertEquals(Base64.getDecoder().decode(real[2]).length, Base64.getDecoder().decode(decoy[2]).length);
        assertEquals(Base64.getDecoder().decode(real[3]).length, Base64.getDecoder().decode(decoy[3]).length);
        assertNotEquals(new PasswordHasher().decoy(), new PasswordHasher().decoy(), "random, not a constant");
    }
}
