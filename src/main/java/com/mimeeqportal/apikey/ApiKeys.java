package com.mimeeqportal.apikey;

import com.mimeeqportal.audit.AuditEntry;
import com.mimeeqportal.audit.AuditEventType;
import com.mimeeqportal.audit.AuditLog;
import com.mimeeqportal.identity.Actor;
import com.mimeeqportal.identity.TenantId;
import com.mimeeqportal.system.ClusterBus;
import com.mimeeqportal.system.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
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
    /** The cluster notice that a tenant's key row changed (its message: the tenant id); see {@link KeyRows}. */
    public static final String KEY_ROW_CHANGED = "api-key-row-changed";

    private final Database database;
    private final KeyVault vault;
    private final AuditLog audit;
    private final Consumer<ApiKeyChanged> changed;
    private final KeyRows rows = new KeyRows(Clock.systemUTC());
    private final Consumer<TenantId> rowChanged;

    @Inject
    public ApiKeys(Database database, KeyVault vault, AuditLog audit, Event<ApiKeyChanged> changed, ClusterBus bus) {
        this(database, vault, audit, (Consumer<ApiKeyChanged>) changed::fire, bus);
    }

    /** Without a cluster: for tests and tools, where this is the only instance. */
    public ApiKeys(Database database, KeyVault vault, AuditLog audit, Consumer<ApiKeyChanged> changed) {
        this(database, vault, audit, changed, null);
    }

    /**
     * {@code changed} hears of every new key and of a key marked invalid (in the application: a CDI event the
     * catalog cache and the key-health banner observe). Through {@code bus} every instance forgets a key row
     * that changed, and all of them when the keyset changed (its keys may no longer open an old ciphertext).
     */
    ApiKeys(Database database, KeyVault vault, AuditLog audit, Consumer<ApiKeyChanged> changed, ClusterBus bus) {
        this.database = database;
        this.vault = vault;
        this.audit = audit;
        this.changed = changed;
        if (bus == null) {
            this.rowChanged = rows::forget;
        } else {
            bus.subscribe(KEY_ROW_CHANGED, tenant -> rows.forget(new TenantId(tenant)));
            bus.subscribe(KeysetRotation.KEYSET_CHANGED, file -> rows.forgetAll());
            this.rowChanged = tenant -> bus.publish(KEY_ROW_CHANGED, tenant.value());
        }
    }

    protected ApiKeys() {
        this.database = null;
        this.vault = null;
        this.audit = null;
        this.changed = null;
        this.rowChanged = null;
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
        rowChanged.accept(tenant);
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

    /** The key for a call to Mimeeq, or why there is none to use. At most one read of the key's row. */
    public KeyForCall forCall(TenantId tenant) {
        return database.inTenant(tenant, session -> forCall(session, tenant));
    }

    /**
     * As above, in a transaction of the caller's that is bound to {@code tenant}. The row is remembered for a few
     * seconds ({@link KeyRows}); the key is opened afresh for every call and kept nowhere.
     */
    public KeyForCall forCall(Session session, TenantId tenant) {
        KeyForCall key = forCall(tenant, rows.get(tenant, () -> stored(session).map(KeyRows.Row::of)));
        if (key instanceof KeyForCall.Unreadable) {
            // Perhaps a row remembered from before a re-encryption whose old key is now disabled: read it again.
            rows.forget(tenant);
            key = forCall(tenant, rows.get(tenant, () -> stored(session).map(KeyRows.Row::of)));
        }
        return key;
    }

    private KeyForCall forCall(TenantId tenant, Optional<KeyRows.Row> row) {
        if (row.isEmpty()) {
            return new KeyForCall.Missing();
        }
        if (row.get().invalidated()) {
            return new KeyForCall.Invalidated();
        }
        try {
            return new KeyForCall.Usable(vault.open(tenant, row.get().ciphertext()), row.get().unauthorizedInARow(),
                    row.get().fingerprint());
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
        rowChanged.accept(actor.tenant());
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
        rowChanged.accept(tenant);
    }

    /** Stores the outcome of "test connection", shown on the key page and the dashboard. */
    public void tested(TenantId tenant, boolean ok, String detail) {
        database.runInTenant(tenant, session -> stored(session).ifPresent(key -> key.tested(ok, detail, Instant.now())));
    }

    private static Optional<TenantApiKey> stored(Session session) {
        return session.createSelectionQuery("from TenantApiKey", TenantApiKey.class).uniqueResultOptional();
    }
}
