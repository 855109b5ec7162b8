package com.mimeeqportal.apikey;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeyStatus;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;

/**
 * The master AEAD keyset and the file it lives in. Immutable: a change ({@link #withNewPrimary()},
 * {@link #disable(int)}) is written to the file first and returns the new keyset, which the caller then
 * installs in the {@link KeyVault}; a failed write changes nothing. Tink encrypts with the primary key
 * and decrypts with any enabled key, so an added key takes over new seals at once while old ciphertexts
 * still open.
 */
public final class MasterKeyset {

    private final Path file;
    private final KeysetHandle handle;
    private final Aead aead;

    MasterKeyset(Path file, KeysetHandle handle) {
        this.file = file;
        this.handle = handle;
        try {
            this.aead = handle.getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The master keyset cannot be used: " + e.getMessage(), e);
        }
    }

    /** One key of the keyset as the operator sees it: an id and its state, never key material. */
    public record MasterKey(int id, boolean primary, boolean enabled) {
        /** Tink's ids are unsigned 32-bit numbers; this is how Tinkey prints them too. */
        public String displayId() {
            return Integer.toUnsignedString(id);
        }
    }

    public Path file() {
        return file;
    }

    Aead aead() {
        return aead;
    }

    public List<MasterKey> keys() {
        List<MasterKey> keys = new ArrayList<>();
        for (int i = 0; i < handle.size(); i++) {
            KeysetHandle.Entry entry = handle.getAt(i);
            keys.add(new MasterKey(entry.getId(), entry.isPrimary(), entry.getStatus() == KeyStatus.ENABLED));
        }
        return List.copyOf(keys);
    }

    public int primaryId() {
        return handle.getPrimary().getId();
    }

    /** Adds a fresh AES-256-GCM key as the new primary and writes the keyset file. */
    public MasterKeyset withNewPrimary() {
        try {
            KeysetHandle.Builder builder = KeysetHandle.newBuilder(handle);
            builder.addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                    .withRandomId().makePrimary());
            return written(builder.build());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A new master key could not be generated: " + e.getMessage(), e);
        }
    }

    /**
     * Disables a non-primary key and writes the keyset file. The key stays in the file (a disabled key
     * can be enabled again by restoring the backup), but nothing encrypted under it opens any more.
     */
    public MasterKeyset disable(int keyId) {
        KeysetHandle.Builder builder = KeysetHandle.newBuilder(handle);
        for (int i = 0; i < builder.size(); i++) {
            KeysetHandle.Builder.Entry entry = builder.getAt(i);
            if (handle.getAt(i).getId() == keyId) {
                if (entry.isPrimary()) {
                    throw new IllegalArgumentException("The primary key cannot be disabled");
                }
                entry.setStatus(KeyStatus.DISABLED);
                try {
                    return written(builder.build());
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException("The key could not be disabled: " + e.getMessage(), e);
                }
            }
        }
        throw new IllegalArgumentException("The master keyset has no key " + Integer.toUnsignedString(keyId));
    }

    private MasterKeyset written(KeysetHandle changed) throws GeneralSecurityException {
        KeysetFile.replace(file, TinkJsonProtoKeysetFormat.serializeKeyset(changed, InsecureSecretKeyAccess.get()));
        return new MasterKeyset(file, changed);
    }
}
