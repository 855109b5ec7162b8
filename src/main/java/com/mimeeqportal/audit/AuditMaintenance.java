package com.mimeeqportal.audit;

import com.mimeeqportal.identity.TenantId;
import com.mimeeqportal.system.PortalConfig;
import com.mimeeqportal.tenant.AuditRetention;
import com.mimeeqportal.tenant.Tenant;
import com.mimeeqportal.tenant.Tenants;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What the scheduled jobs do, kept out of the EJB so it runs the same in a plain test: verify every
 * chain and checkpoint the intact ones; purge every chain past its retention. A broken chain is
 * logged as SEVERE and written to both its own chain and the system chain (the operator's log).
 */
@ApplicationScoped
public class AuditMaintenance {

    private static final Logger LOG = Logger.getLogger(AuditMaintenance.class.getName());

    private final Tenants tenants;
    private final AuditVerifier verifier;
    private final AuditPurge purge;
    private final AuditLog audit;
    private final IntSupplier systemRetentionDays;
    private final IntSupplier retentionFloorDays;

    @Inject
    public AuditMaintenance(Tenants tenants, AuditVerifier verifier, AuditPurge purge, AuditLog audit,
                            PortalConfig config) {
        this(tenants, verifier, purge, audit, config::auditSystemRetentionDays, config::auditRetentionFloorDays);
    }

    public AuditMaintenance(Tenants tenants, AuditVerifier verifier, AuditPurge purge, AuditLog audit,
                            IntSupplier systemRetentionDays, IntSupplier retentionFloorDays) {
        this.tenants = tenants;
        this.verifier = verifier;
        this.purge = purge;
        this.audit = audit;
        this.systemRetentionDays = systemRetentionDays;
        this.retentionFloorDays = retentionFloorDays;
    }

    protected AuditMaintenance() {
        this(null, null, null, null, null, null);
    }

    /** Verifies the system chain and every tenant's; returns the results, broken ones included. */
    public List<ChainVerification> verifyAll() {
        List<ChainVerification> results = new ArrayList<>();
        for (TenantId tenant : chains()) {
            try {
                ChainVerification result = verifier.verifyAndCheckpoint(tenant);
                results.add(result);
                if (!result.intact()) {
                    LOG.severe(() -> "Audit " + result);
                    AuditEntry.Builder entry = AuditEntry.of(AuditEventType.AUDIT_VERIFY).actor("system")
                            .target("chain " + tenant);
                    audit.record(tenant, AuditVerifications.entry(entry, result));
                    if (!tenant.isSystem()) {
                        audit.record(TenantId.SYSTEM, AuditVerifications.entry(entry, result));
                    }
                } else {
                    LOG.fine(() -> "Audit " + result);
                }
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "Audit chain of " + tenant + " could not be verified", e);
            }
        }
        long broken = results.stream().filter(r -> !r.intact()).count();
        LOG.info(() -> "Audit verification: " + results.size() + " chains, " + broken + " broken");
        audit.record(TenantId.SYSTEM, AuditEntry.of(AuditEventType.AUDIT_VERIFY).actor("system").target("all chains")
                .detail(results.size() + " chains verified, " + broken + " broken").success());
        return results;
    }

    /**
     * Applies every tenant's retention, never shorter than the operator's floor (a setting stored before the
     * floor existed, or below a raised floor, counts as the floor), and the system chain's.
     */
    public long purgeAll() {
        long purged = 0;
        purged += purgeQuietly(TenantId.SYSTEM, new AuditRetention(systemRetentionDays.getAsInt()));
        int floor = retentionFloorDays.getAsInt();
        for (Tenant tenant : tenants.all()) {
            purged += purgeQuietly(tenant.id(), tenant.auditRetention().atLeast(floor));
        }
        return purged;
    }

    private long purgeQuietly(TenantId tenant, AuditRetention retention) {
        try {
            return purge.purge(tenant, retention).purged();
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Audit retention: the purge of " + tenant + " failed", e);
            return 0;
        }
    }

    private List<TenantId> chains() {
        List<TenantId> chains = new ArrayList<>();
        chains.add(TenantId.SYSTEM);
        tenants.all().forEach(t -> chains.add(t.id()));
        return chains;
    }
}
