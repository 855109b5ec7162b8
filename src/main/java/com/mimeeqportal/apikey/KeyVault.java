package com.mimeeqportal.apikey;

import com.google.crypto.tink.Mac;
import com.mimeeqportal.identity.TenantId;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Seals tenants' API keys under the master keyset. The tenant id is the AEAD's associated data, so a
 * ciphertext copied into another tenant's row does not open. Fingerprints are a keyed hash (HMAC under
 * a second keyset): stable per key and tenant, but useless to anyone without the MAC keyset.
 */
public final class KeyVault {

    private volatile MasterKeyset keyset;
    private final Mac mac;

    public KeyVault(MasterKeyset keyset, Mac mac) {
        this.keyset = keyset;
        this.mac = mac;
    }

    public MasterKeyset keyset() {
        return keyset;
    }

    /** Switches to a changed master keyset (already written to its file); seals from now on use its primary. */
    public void install(MasterKeyset changed) {
        this.keyset = changed;
    }

    /**
     * Reads the master keyset file again and uses what it holds now: another instance of a cluster rotated the
     * keyset or disabled a key (it wrote the shared file, then told every instance; see docs/clustering.md).
     */
    public void reload() {
        install(MasterKeysets.aead(keyset.file(), false));
    }

    public String seal(TenantId tenant, ApiKey key) {
        try {
            byte[] ciphertext = keyset.aead().encrypt(key.reveal().getBytes(StandardCharsets.UTF_8), associatedData(tenant));
            return Base64.getEncoder().encodeToString(ciphertext);
        } catch (GeneralSecurityException e) {
            throw new KeyVaultException("The API key could not be encrypted", e);
        }
    }

    /**
     * Opens a tenant's sealed key. If it doesn't open, the keyset file may have changed on another instance without
     * this one hearing of it (a notice lost in a network split): the file is read again, at most every 10 seconds,
     * and the key tried once more.
     */
    public ApiKey open(TenantId tenant, String sealed) {
        try {
            return openWith(keyset, tenant, sealed);
        } catch (KeyVaultException e) {
            long now = System.nanoTime();
            if (now - lastRereadAfterFailure < REREAD_PAUSE_NANOS) {
                throw e;
            }
            lastRereadAfterFailure = now;
            MasterKeyset before = keyset;
            try {
                reload();
            } catch (RuntimeException unreadable) {
                throw e;
            }
            if (keyset.keys().equals(before.keys())) {
                throw e;
            }
            return openWith(keyset, tenant, sealed);
        }
    }

    private static final long REREAD_PAUSE_NANOS = 10_000_000_000L;
    private volatile long lastRereadAfterFailure = System.nanoTime() - REREAD_PAUSE_NANOS;

    private static ApiKey openWith(MasterKeyset keyset, TenantId tenant, String sealed) {
        try {
            byte[] plaintext = keyset.aead().decrypt(Base64.getDecoder().decode(sealed), associatedData(tenant));
            return new ApiKey(new String(plaintext, StandardCharsets.UTF_8));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // No cause attached: Tink's messages are harmless, but nothing from this path should be chained on.
            throw new KeyVaultException("The stored API key of this tenant cannot be decrypted with the master keyset");
        }
    }

    /** A short, non-reversible identifier of a key within its tenant. */
    public String fingerprint(TenantId tenant, ApiKey key) {
        try {
            byte[] input = (tenant.value() + "\u0000" + key.reveal()).getBytes(StandardCharsets.UTF_8);
            byte[] tag = mac.computeMac(input);
            // Tink prefixes tags with a 5-byte key id; the bytes after it are the HMAC itself.
            return HexFormat.ofDelimiter(":").formatHex(tag, tag.length - 8, tag.length);
        } catch (GeneralSecurityException e) {
            throw new KeyVaultException("The API key fingerprint could not be computed", e);
        }
    }

    private static byte[] associatedData(TenantId tenant) {
        return ("mimeeq-api-key:" + tenant.value()).getBytes(StandardCharsets.UTF_8);
    }
}
