package com.mimeeqportal.apikey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mimeeqportal.identity.TenantId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Changing the master keyset: the file written in place with a backup, and what each key then opens. */
class MasterKeysetTest {

    private static final TenantId TENANT = new TenantId("2f1c9d0e-4b7a-4c3e-9f59-1d2a3b4c5d6e");

    @TempDir
    Path dir;

    private Path master() {
        return dir.resolve("master.json");
    }

    private KeyVault vault() {
        return MasterKeysets.load(master(), dir.resolve("mac.json"), true);
    }

    @Test
    void aNewPrimaryIsWrittenOwnerOnlyAndTheOldFileIsKeptAsTheBackup() throws Exception {
        KeyVault vault = vault();
        String before = Files.readString(master());

        MasterKeyset rotated = vault.keyset().withNewPrimary();

        assertEquals(before, Files.readString(KeysetFile.backupOf(master())), "the backup is the former file");
        assertNotEquals(before, Files.readString(master()));
        for (Path file : List.of(master(), KeysetFile.backupOf(master()))) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), file.toString());
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(), files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList(),
                    "no temporary file is left behind");
        }
        assertEquals(rotated.keys(), MasterKeysets.aead(master(), false).keys(), "the file holds the new keyset");
        assertEquals(2, rotated.keys().size());
        assertTrue(rotated.keys().get(1).primary());
    }

    @Test
    void theNewPrimarySealsAndEveryEnabledKeyOpens() {
        KeyVault vault = vault();
        int oldKey = vault.keyset().primaryId();
        String underOld = vault.seal(TENANT, new ApiKey("old-key-0001"));

        vault.install(vault.keyset().withNewPrimary());
        String underNew = vault.seal(TENANT, new ApiKey("new-key-0002"));

        assertEquals(OptionalInt.of(vault.keyset().primaryId()), CiphertextPrefix.keyId(underNew));
        assertNotEquals(oldKey, vault.keyset().primaryId());
        assertEquals("old-key-0001", vault.open(TENANT, underOld).reveal());

        vault.install(vault.keyset().disable(oldKey));
        assertThrows(KeyVaultException.class, () -> vault.open(TENANT, underOld), "a disabled key opens nothing");
        assertEquals("new-key-0002", vault.open(TENANT, underNew).reveal());
        assertFalse(MasterKeysets.aead(master(), false).keys().get(0).enabled(), "the file says it is disabled");
    }

    @Test
    void thePrimaryAndUnknownKeysCannotBeDisabled() throws Exception {
        KeyVault vault = vault();
        String before = Files.readString(master());
        assertThrows(IllegalArgumentException.class, () -> vault.keyset().disable(vault.keyset().primaryId()));
        assertThrows(IllegalArgumentException.class, () -> vault.keyset().disable(vault.keyset().primaryId() + 1));
        assertEquals(before, Files.readString(master()), "a refused change writes nothing");
    }

    @Test
    void writingReplacesAnExistingFileAndRefreshesTheBackup() throws Exception {
        Path file = dir.resolve("k.json");
        KeysetFile.replace(file, "one");
        assertFalse(Files.exists(KeysetFile.backupOf(file)), "nothing to back up the first time");
        KeysetFile.replace(file, "two");
        KeysetFile.replace(file, "three");
        assertEquals("three", Files.readString(file));
        assertEquals("two", Files.readString(KeysetFile.backupOf(file)));
    }
}
