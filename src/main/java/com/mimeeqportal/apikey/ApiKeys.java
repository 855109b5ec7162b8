package com.mimeeqportal.apikey;

import com.mimeeqportal.audit.AuditEntry;
import com.mimeeqportal.audit.AuditEventType;
import com.mimeeqportal.audit.AuditLog;
import com.mimeeqportal.identity.Actor;
import com.mimeeqportal.identity.TenantId;
import com.mimeeqportal.system.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import org.hibernate.Session;

/**
 * The tenant's Mimeeq key: set or replace it (sealed, audited, refused when it could not be audited),
 * show its status, open it for a call, and follow its health: the last "test connection", and Mimeeq's
 * 401s in a row, which after {@link #UNAUTHORIZED_LIMIT} mark the key invalid until an admin replaces it
 * (Mimeeq invalidates a key when the customer regenerates it).
 */
@ApplicationScoped
public class ApiKeys {

    public static final int UNAUTHORIZED_LIMIT = 3;

    private final Database database;
    private final KeyVault vault;
    private final AuditLog audit;
    private final Consumer<ApiKeyChanged> changed;

    @Inject
    public ApiKeys(Database database, KeyVault vault, AuditLog audit, Event<ApiKeyChanged> changed) {
        this(database, vault, audit, (Consumer<ApiKeyChanged>) changed::fire);
    }

    /**
     * {@code changed} hears of every new key and of a key marked invalid (in the application: a CDI event the
     * catalog cache and the key-health banner observe).
     */
    public ApiKeys(Database database, KeyVault vault, AuditLog audit, Consumer<ApiKeyChanged> changed) {
        this.database = database;
        this.vault = vault;
        this.audit = audit;
        this.changed = changed;
    }

    protected ApiKeys() {
        this(null, null, null, (Consumer<ApiKeyChanged>) null);
    }

    public void set(Actor actor, ApiKey key) {
        set(actor.tenant(), key, actor.user().username().value(),
                AuditEntry.of(AuditEventType.API_KEY_SET).by(actor));
    }

    /** For seeding, where nobody is signed in. */
    public void set(TenantId tenant, ApiKey key, String setBy, AuditEntry.Builder auditEntry) {
        String sealed = vault.seal(tenant, key);
        String fingerprint = vault.fingerprint(tenant, key);
        AuditEntry entry = auditEntry.target("api-key").detail("fingerprint " + fingerprint).success();
        audit.checkWritable(tenant, entry);
        database.runInTenant(tenant, session -> {
            Optional<TenantApiKey> existing = stored(session);
            if (existing.isPresent()) {
                existing.get().replace(sealed, fingerprint, key.last4(), setBy, Instant.now());
            } else {
                session.persist(new TenantApiKey(sealed, fingerprint, key.last4(), setBy, Instant.now()));
            }
        });
        audit.record(tenant, entry);
        changed.accept(new ApiKeyChanged(tenant));
    }

    public Optional<ApiKeyStatus> status(TenantId tenant) {
        return database.inTenant(tenant, session -> stored(session).map(ApiKeyStatus::of));
    }

    /** The plaintext key, for the audited reveal only. */
    public Optional<ApiKey> open(TenantId tenant) {
        return database.inTenant(tenant, session -> stored(session).map(TenantApiKey::ciphertext))
                .map(ciphertext -> vault.open(tenant, ciphertext));
    }

    /** The key for a call to Mimeeq, or why there is none to use. One read of the key's row. */
    public KeyForCall forCall(TenantId tenant) {
        return database.inTenant(tenant, session -> forCall(session, tenant));
    }

    /** As above, in a transaction of the caller's that is bound to {@code tenant}. */
    public KeyForCall forCall(Session session, TenantId tenant) {
        Optional<TenantApiKey> stored = stored(session);
        if (stored.isEmpty()) {
            return new KeyForCall.Missing();
        }
        if (stored.get().invalidated()) {
            return new KeyForCall.Invalidated();
        }
        try {
            return new KeyForCall.Usable(vault.open(tenant, stored.get().ciphertext()), stored.get().unauthorizedInARow(),
                    stored.get().fingerprint());
        } catch (KeyVaultException e) {
            return new KeyForCall.Unreadable();
        }
    }

    /**
     * Mimeeq answered 401 to the key with fingerprint {@code usedKey}; the third in a row marks it invalid,
     * audited once. A 401 to a key replaced meanwhile does not count against the new one.
     */
    public void unauthorized(Actor actor, String usedKey) {
        boolean invalidatedNow = database.inTenant(actor.tenant(), session -> stored(session)
                .map(key -> key.unauthorized(usedKey, UNAUTHORIZED_LIMIT, Instant.now())).orElse(false));
        if (invalidatedNow) {
            audit.record(actor.tenant(), AuditEntry.of(AuditEventType.API_KEY_INVALIDATED).by(actor)
                    .target("api-key")
                    .detail(UNAUTHORIZED_LIMIT + " answers 401 in a row; calls stop until a new key is set").success());
            changed.accept(new ApiKeyChanged(actor.tenant()));
        }
    }

    /** Mimeeq accepted the key again; only called when there were 401s before, so no write per call. */
    public void authorized(TenantId tenant, String usedKey) {
        database.runInTenant(tenant, session -> stored(session).ifPresent(key -> key.authorized(usedKey)));
    }

    /** Stores the outcome of "test connection", shown on the key page and the dashboard. */
    public void tested(TenantId tenant, boolean ok, String detail) {
        database.runInTenant(tenant, session -> stored(session).ifPresent(key -> key.tested(ok, detail, Instant.now())));
    }

    private static Optional<TenantApiKey> stored(Session session) {
        return session.createSelectionQuery("from TenantApiKey", TenantApiKey.class).uniqueResultOptional();
    }
}
