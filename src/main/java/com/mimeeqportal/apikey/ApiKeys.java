package com.mimeeqportal.apikey;

import com.mimeeqportal.audit.AuditEntry;
import com.mimeeqportal.audit.AuditEventType;
import com.mimeeqportal.audit.AuditLog;
import com.mimeeqportal.security.Actor;
import com.mimeeqportal.system.Database;
import com.mimeeqportal.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import org.hibernate.Session;

/** The tenant's Mimeeq key: set or replace it (sealed, audited), show its status, open it for a call. */
@ApplicationScoped
public class ApiKeys {

    private final Database database;
    private final KeyVault vault;
    private final AuditLog audit;
    private final Consumer<ApiKeyChanged> changed;

    @Inject
    public ApiKeys(Database database, KeyVault vault, AuditLog audit, Event<ApiKeyChanged> changed) {
        this(database, vault, audit, (Consumer<ApiKeyChanged>) changed::fire);
    }

    /** {@code changed} hears of every new key (in the application: a CDI event the catalog cache observes). */
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
                actor.audit(AuditEntry.of(AuditEventType.API_KEY_SET)));
    }

    /** For seeding, where nobody is signed in. */
    public void set(TenantId tenant, ApiKey key, String setBy, AuditEntry.Builder auditEntry) {
        String sealed = vault.seal(tenant, key);
        String fingerprint = vault.fingerprint(tenant, key);
        database.runInTenant(tenant, session -> {
            Optional<TenantApiKey> existing = stored(session);
            if (existing.isPresent()) {
                existing.get().replace(sealed, fingerprint, key.last4(), setBy, Instant.now());
            } else {
                session.persist(new TenantApiKey(sealed, fingerprint, key.last4(), setBy, Instant.now()));
            }
        });
        audit.record(tenant, auditEntry.target("api-key").detail("fingerprint " + fingerprint).success());
        changed.accept(new ApiKeyChanged(tenant));
    }

    public Optional<ApiKeyStatus> status(TenantId tenant) {
        return database.inTenant(tenant, session -> stored(session)
                .map(k -> new ApiKeyStatus(k.fingerprint(), k.last4(), k.setBy(), k.setAt())));
    }

    /** The plaintext key, for a call to Mimeeq only. */
    public Optional<ApiKey> open(TenantId tenant) {
        return database.inTenant(tenant, session -> stored(session).map(TenantApiKey::ciphertext))
                .map(ciphertext -> vault.open(tenant, ciphertext));
    }

    private static Optional<TenantApiKey> stored(Session session) {
        return session.createSelectionQuery("from TenantApiKey", TenantApiKey.class).uniqueResultOptional();
    }
}
