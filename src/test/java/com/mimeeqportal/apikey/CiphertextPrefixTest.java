package com.mimeeqportal.apikey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mimeeqportal.identity.TenantId;
import java.nio.file.Path;
import java.util.Base64;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CiphertextPrefixTest {

    @TempDir
    Path dir;

    @Test
    void readsTheBigEndianKeyIdAfterTheVersionByte() {
        byte[] ciphertext = {0x01, (byte) 0x8a, 0x12, 0x00, (byte) 0xff, 9, 9, 9};
        assertEquals(OptionalInt.of(0x8a1200ff), CiphertextPrefix.keyId(Base64.getEncoder().encodeToString(ciphertext)));
    }

    @Test
    void theIdOfARealSealIsThePrimaryKeysId() {
        KeyVault vault = MasterKeysets.load(dir.resolve("master.json"), dir.resolve("mac.json"), true);
        String sealed = vault.seal(TenantId.SYSTEM, new ApiKey("abcdefgh1234"));
        assertEquals(OptionalInt.of(vault.keyset().primaryId()), CiphertextPrefix.keyId(sealed));
    }

    @Test
    void anythingElseHasNoKeyId() {
        assertTrue(CiphertextPrefix.keyId(null).isEmpty());
        assertTrue(CiphertextPrefix.keyId("not base64 !").isEmpty());
        assertTrue(CiphertextPrefix.keyId(Base64.getEncoder().encodeToString(new byte[] {1, 2, 3})).isEmpty(), "too short");
        assertTrue(CiphertextPrefix.keyId(Base64.getEncoder().encodeToString(new byte[] {0, 1, 2, 3, 4, 5})).isEmpty(),
                "RAW or legacy output prefix");
    }
}
