package com.mimeeqportal.apikey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mimeeqportal.identity.TenantId;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyVaultTest {

    private static final ApiKey KEY = new ApiKey("mq_live_4f9a8c7e6d5b4a3f2e1d0c9b8a7f6e5d");

    @TempDir
    Path dir;

    private KeyVault vault() {
        return MasterKeysets.load(dir.resolve("master.json"), dir.resolve("mac.json"), true);
    }

    @Test
    void sealedKeyOpensForItsOwnTenant() {
        KeyVault vault = vault();
        TenantId tenant = TenantId.random();
        assertEquals(KEY, vault.open(tenant, vault.seal(tenant, KEY)));
    }

    @Test
    void ciphertextCopiedToAnotherTenantDoesNotDecrypt() {
        KeyVault vault = vault();
        String sealedForA = vault.seal(TenantId.random(), KEY);
        KeyVaultException e = assertThrows(KeyVaultException.class, () -> vault.open(TenantId.random(), sealedForA));
        assertFalse(e.getMessage().contains(KEY.reveal()));
    }

    @Test
    void ciphertextContainsNoTraceOfThePlaintext() {
        KeyVault vault = vault();
        String sealed = vault.seal(TenantId.random(), KEY);
        String decoded = new String(Base64.getDecoder().decode(sealed), StandardCharsets.ISO_8859_1);
        assertFalse(sealed.contains(KEY.reveal()));
        assertFalse(decoded.contains(KEY.reveal()));
        assertNotEquals(sealed, vault.seal(TenantId.random(), KEY), "a fresh nonce every time");
    }

    @Test
    void keysetsSurviveARestartAndAreOwnerOnly() throws Exception {
        TenantId tenant = TenantId.random();
        String sealed = vault().seal(tenant, KEY);
        assertEquals(KEY, vault().open(tenant, sealed), "the second load reads the same keysets");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("master.json"))));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("mac.json"))));
    }

    @Test
    void productionRefusesToStartWithoutAKeyset() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> MasterKeysets.load(dir.resolve("absent.json"), dir.resolve("mac.json"), false));
        assertTrue(e.getMessage().contains("portal.keyset.file"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("absent.json")));
    }

    @Test
    void fingerprintIsStablePerTenantAndRevealsNothing() {
        KeyVault vault = vault();
        TenantId a = TenantId.random();
        String fingerprint = vault.fingerprint(a, KEY);
        assertEquals(fingerprint, vault.fingerprint(a, KEY));
        assertNotEquals(fingerprint, vault.fingerprint(TenantId.random(), KEY));
        assertNotEquals(fingerprint, vault.fingerprint(a, new ApiKey("another-key-0000")));
        assertFalse(fingerprint.contains(KEY.last4()));
    }
}
