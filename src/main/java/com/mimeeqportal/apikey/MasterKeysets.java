package com.mimeeqportal.apikey;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Mac;
import com.google.crypto.tink.Parameters;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.mac.MacConfig;
import com.google.crypto.tink.mac.PredefinedMacParameters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.logging.Logger;

/**
 * Loads the two secrets the portal keeps outside its database: the master AEAD keyset that protects
 * tenants' API keys, and the MAC keyset for keyed hashes. Demo mode creates them on first start
 * (owner-only permissions); production mode refuses to start without them.
 */
public final class MasterKeysets {

    private static final Logger LOG = Logger.getLogger(MasterKeysets.class.getName());

    static {
        try {
            AeadConfig.register();
            MacConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private MasterKeysets() {
    }

    // synchronized: in demo mode the first caller may be generating a keyset file the second is about to read.
    public static synchronized KeyVault load(Path aeadKeyset, Path macKeyset, boolean generateIfMissing) {
        return new KeyVault(aead(aeadKeyset, generateIfMissing), mac(macKeyset, generateIfMissing));
    }

    /** The master AEAD keyset alone, read from (or in demo mode generated into) its file. */
    public static synchronized MasterKeyset aead(Path aeadKeyset, boolean generateIfMissing) {
        try {
            return new MasterKeyset(aeadKeyset, handle(aeadKeyset, "portal.keyset.file",
                    PredefinedAeadParameters.AES256_GCM, generateIfMissing));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The master keyset cannot be used: " + e.getMessage(), e);
        }
    }

    /** The MAC keyset alone: the key vault's fingerprints and the audit chain share this secret. */
    public static synchronized Mac mac(Path macKeyset, boolean generateIfMissing) {
        try {
            return handle(macKeyset, "portal.mac-keyset.file", PredefinedMacParameters.HMAC_SHA256_256BITTAG,
                    generateIfMissing).getPrimitive(RegistryConfiguration.get(), Mac.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The MAC keyset cannot be used: " + e.getMessage(), e);
        }
    }

    /**
     * Writes a new master keyset and a new MAC keyset, owner-only, for a production install. Refuses, writing
     * nothing, when either file exists already: overwriting a keyset in use would make every stored API key
     * unreadable and every audit entry unverifiable.
     */
    public static synchronized void create(Path aeadKeyset, Path macKeyset) {
        for (Path file : new Path[] {aeadKeyset, macKeyset}) {
            if (Files.exists(file)) {
                throw new IllegalStateException(file + " exists already; keysets are never overwritten. Move it "
                        + "away first if you really mean to replace it (docs/operations.md, \"Backups\").");
            }
        }
        try {
            KeysetFile.replace(aeadKeyset, TinkJsonProtoKeysetFormat.serializeKeyset(
                    KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM), InsecureSecretKeyAccess.get()));
            KeysetFile.replace(macKeyset, TinkJsonProtoKeysetFormat.serializeKeyset(
                    KeysetHandle.generateNew(PredefinedMacParameters.HMAC_SHA256_256BITTAG),
                    InsecureSecretKeyAccess.get()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot generate a keyset: " + e.getMessage(), e);
        }
    }

    private static KeysetHandle handle(Path file, String property, Parameters parameters, boolean generate)
            throws GeneralSecurityException {
        if (Files.isRegularFile(file)) {
            return read(file, property);
        }
        if (!generate) {
            throw new IllegalStateException("The keyset file " + file + " (" + property + ") does not exist. "
                    + "Production mode never generates keysets: create one (see docs/operations.md), "
                    + "point " + property + " at it and start again.");
        }
        KeysetHandle handle = KeysetHandle.generateNew(parameters);
        KeysetFile.replace(file, TinkJsonProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get()));
        LOG.warning(() -> "Demo mode: generated a new keyset at " + file + " (" + property
                + "). Back it up: without it the stored API keys cannot be decrypted.");
        return handle;
    }

    private static KeysetHandle read(Path file, String property) throws GeneralSecurityException {
        try {
            return TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(file), InsecureSecretKeyAccess.get());
        } catch (IOException e) {
            throw new IllegalStateException("The keyset file " + file + " (" + property + ") cannot be read: "
                    + e.getMessage(), e);
        }
    }
}
