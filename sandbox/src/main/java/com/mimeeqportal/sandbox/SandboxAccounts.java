package com.mimeeqportal.sandbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * The sandbox's customer accounts and their API keys: exactly one active key per account, as in Mimeeq, where
 * generating a new key invalidates the old one. Keys are random, created when first needed and kept in
 * {@code accounts.properties} in the sandbox's data directory, so a restart keeps them and the keys its callers
 * stored stay valid.
 * Keys are never logged.
 */
@ApplicationScoped
public class SandboxAccounts {

    private static final Logger LOG = Logger.getLogger(SandboxAccounts.class.getName());

    static final List<SandboxAccount> BUILT_IN = List.of(
            new SandboxAccount("demo-furniture", "Demo Furniture"),
            new SandboxAccount("nordic-living", "Nordic Living"),
            new SandboxAccount("acme-office", "Acme Office"));

    /** 30 random bytes are exactly 40 characters of URL-safe base64, without padding. */
    private static final int KEY_BYTES = 30;
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{40}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SandboxKeyFile keyFile;

    /** Key by account id; replaced as a whole, never changed, so readers need no lock. Null until first use. */
    private volatile Map<String, String> keysByAccount;

    @Inject
    public SandboxAccounts(SandboxConfig config) {
        this(config.dataDir().resolve("accounts.properties"));
    }

    public SandboxAccounts(Path keyFile) {
        this.keyFile = new SandboxKeyFile(keyFile);
    }

    /** For CDI's proxy only. */
    protected SandboxAccounts() {
        this.keyFile = null;
    }

    public List<SandboxAccount> accounts() {
        return BUILT_IN;
    }

    public Optional<SandboxAccount> findById(String accountId) {
        return BUILT_IN.stream().filter(account -> account.id().equals(accountId)).findFirst();
    }

    /**
     * The account whose current key this is. Every key is compared, in constant time and without stopping at a
     * match, so the response time does not tell a caller how close a guess was.
     */
    public Optional<SandboxAccount> findByKey(String apiKey) {
        if (apiKey == null) {
            return Optional.empty();
        }
        byte[] candidate = apiKey.getBytes(StandardCharsets.UTF_8);
        Map<String, String> current = keys();
        SandboxAccount match = null;
        for (SandboxAccount account : BUILT_IN) {
            if (MessageDigest.isEqual(candidate, current.get(account.id()).getBytes(StandardCharsets.UTF_8))) {
                match = account;
            }
        }
        return Optional.ofNullable(match);
    }

    /** What Mimeeq's admin panel shows under Settings → Account → API. */
    public String currentKey(String accountId) {
        return keys().get(require(accountId).id());
    }

    /** Replaces the account's key; from now on the old one is answered with 401. */
    public synchronized String regenerateKey(String accountId) {
        SandboxAccount account = require(accountId);
        String key = newKey();
        Map<String, String> updated = new HashMap<>(keys());
        updated.put(account.id(), key);
        keyFile.write(updated);
        keysByAccount = Map.copyOf(updated);
        LOG.info(() -> "Sandbox account " + account.id() + ": API key regenerated");
        return key;
    }

    private Map<String, String> keys() {
        Map<String, String> current = keysByAccount;
        return current != null ? current : load();
    }

    /** Reads the key file once, giving a new key to every account that has none there (or a damaged one). */
    private synchronized Map<String, String> load() {
        if (keysByAccount == null) {
            Map<String, String> stored = keyFile.read();
            Map<String, String> loaded = new HashMap<>();
            for (SandboxAccount account : BUILT_IN) {
                String key = stored.get(account.id());
                loaded.put(account.id(), key != null && KEY.matcher(key).matches() ? key : newKey());
            }
            if (!loaded.equals(stored)) {
                keyFile.write(loaded);
                LOG.info(() -> "Sandbox API keys created where missing, stored in " + keyFile.path());
            }
            keysByAccount = Map.copyOf(loaded);
        }
        return keysByAccount;
    }

    private SandboxAccount require(String accountId) {
        return findById(accountId)
                .orElseThrow(() -> new IllegalArgumentException("No sandbox account '" + accountId + "'"));
    }

    private static String newKey() {
        byte[] bytes = new byte[KEY_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
