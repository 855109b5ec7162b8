package com.mimeeqportal.audit;

import com.mimeeqportal.identity.TenantId;
import com.mimeeqportal.system.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;

/**
 * Hashes the entries written before the chain existed. Migration V2 numbered them, but SQL has no
 * access to the HMAC key, so the application links and hashes them at its first start after the
 * upgrade, before anything else is written. Holding the head's lock makes a second instance starting
 * at the same moment wait, then find nothing left to do.
 */
@ApplicationScoped
public class AuditChainSealer {

    private static final Logger LOG = Logger.getLogger(AuditChainSealer.class.getName());

    private final Database database;
    private final ChainMac mac;

    @Inject
    public AuditChainSealer(Database database, ChainMac mac) {
        this.database = database;
        this.mac = mac;
    }

    protected AuditChainSealer() {
        this(null, null);
    }

    /** Seals every unsealed entry; returns how many there were. */
    public int sealLegacyEntries() {
        List<String> tenants = database.asSystem(session -> session.createSelectionQuery(
                "select distinct e.tenantId from AuditEvent e where e.hash is null", String.class).getResultList());
        int sealed = 0;
        for (String tenant : tenants) {
            sealed += database.inTenant(new TenantId(tenant), session -> {
                AuditChainHead head = session.find(AuditChainHead.class, tenant, LockModeType.PESSIMISTIC_WRITE);
                List<AuditEvent> legacy = session.createSelectionQuery(
                                "from AuditEvent e where e.tenantId = :tenant and e.hash is null order by e.tenantId, e.seq",
                                AuditEvent.class)
                        .setParameter("tenant", tenant).getResultList();
                String prev = AuditChainHead.GENESIS;
                for (AuditEvent event : legacy) {
                    event.sealAfter(prev, mac);
                    // Native: the entity is immutable to Hibernate, as it is to the rest of the application.
                    session.createNativeMutationQuery("update audit_event set prev_hash = ?1, hash = ?2 where id = ?3")
                            .setParameter(1, event.prevHash()).setParameter(2, event.hash()).setParameter(3, event.id())
                            .executeUpdate();
                    prev = event.hash();
                }
                if (!legacy.isEmpty() && head.lastSeq() == legacy.getLast().seq()) {
                    head.advance(legacy.getLast(), Instant.now());
                }
                return legacy.size();
            });
        }
        if (sealed > 0) {
            int count = sealed;
            LOG.info(() -> "Audit chain: sealed " + count + " entries written before the chain existed");
        }
        return sealed;
    }
}
