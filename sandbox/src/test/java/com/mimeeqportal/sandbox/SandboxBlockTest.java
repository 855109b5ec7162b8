package com.mimeeqportal.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class SandboxBlockTest {

    private static final LocalizedText FABRIC = new LocalizedText("Fabric", "Stoff");
    private static final SandboxOption CHARCOAL =
            new SandboxOption("a7", new LocalizedText("Charcoal Grey", "Anthrazit"));
    private static final SandboxOption SAND = new SandboxOption("a2", new LocalizedText("Sand", "Sand"));

    @Test
    void aConfigurationPartIsTheBlockCodeAndTheOptionCode() {
        SandboxBlock block = new SandboxBlock("Fabric", FABRIC, List.of(SAND, CHARCOAL), SAND);

        assertEquals("Fabric-a7", block.configurationPart(CHARCOAL));
    }

    @Test
    void aBlockOnlyMakesPartsOfItsOwnOptions() {
        SandboxBlock block = new SandboxBlock("Fabric", FABRIC, List.of(SAND), SAND);

        assertThrows(IllegalArgumentException.class, () -> block.configurationPart(CHARCOAL));
    }

    @Test
    void theDefaultOptionMustBeOneOfTheBlocksOptions() {
        assertThrows(IllegalArgumentException.class, () -> new SandboxBlock("Fabric", FABRIC, List.of(SAND), CHARCOAL));
    }

    @Test
    void codesCannotContainTheSeparatorsOfAConfigurationCode() {
        assertThrows(IllegalArgumentException.class,
                () -> new SandboxBlock("Castors and Glides", FABRIC, List.of(SAND), SAND));
        assertThrows(IllegalArgumentException.class,
                () -> new SandboxBlock("Fabric-Top", FABRIC, List.of(SAND), SAND));
        assertThrows(IllegalArgumentException.class, () -> new SandboxOption("a-1", FABRIC));
    }
}
