package com.mimeeqportal.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SandboxAccountTest {

    @Test
    void initialsComeFromTheName() {
        assertEquals("NL", new SandboxAccount("nordic-living", "Nordic Living").initials());
    }

    @Test
    void anIdIsLowerCaseWordsJoinedByHyphens() {
        assertThrows(IllegalArgumentException.class, () -> new SandboxAccount("Nordic Living", "Nordic Living"));
        assertThrows(IllegalArgumentException.class, () -> new SandboxAccount("nordic--living", "Nordic Living"));
    }

    @Test
    void anAccountNeedsAName() {
        assertThrows(IllegalArgumentException.class, () -> new SandboxAccount("nordic-living", " "));
    }
}
