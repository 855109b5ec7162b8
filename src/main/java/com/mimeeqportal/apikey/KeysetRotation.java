package com.mimeeqportal.apikey;

import com.mimeeqportal.audit.AuditEntry;
import com.mimeeqportal.audit.AuditEventType;
import com.mimeeqportal.audit.AuditLog;
import com.mimeeqportal.identity.Actor;
import com.mimeeqportal.identity.TenantId;
import com.mimeeqportal.input.InvalidInputException;
import com.mimeeqportal.system.ClusterBus;
import com.mimeeqportal.system.ClusterLeases;
import com.mimeeqportal.system.Database;
import com.mimeeqportal.tenant.Tenant;
import com.mimeeqportal.tenant.Tenants;
import jakarta.persistence.OptimisticLockException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hibernate.StaleStateException;

/**
 * Master keyset rotation: add a new primary key, then re-encrypt every tenant key still sealed under an
 * older one, in the background, one tenant per transaction. What remains is always read from the data
 * (the key id in each ciphertext's prefix), so an interrupted run is resumed by starting it again, and
 * nothing is lost meanwhile because older keys stay enabled until the operator disables them, which is
 * refused while any readable tenant key still depends on them. Every step is audited in the system tenant.
 *
 * <p>In a cluster (docs/clustering.md) one instance runs the re-encryption at a time: it holds the database lease
 * {@value #LEASE}, renews it after every batch and every {@link #watch()}, and stores its progress there, so every
 * instance's operator page shows it. If that instance dies, its lease runs out and the next {@link #watch()} of
 * another instance resumes the run. A changed keyset file is announced on {@link #KEYSET_CHANGED}, and every
 * instance reads it again (the file must be the same shared file for all of them).
 */
public class KeysetRotation {

    /** Tenants per executor task: small enough that a shutdown stops the run soon, large enough to be cheap. */
    public static final int BATCH_SIZE = 10;
    private static final Logger LOG = Logger.getLogger(KeysetRotation.class.getName());
    private static final String TARGET = "master-keyset";
    /** The cluster notice after the keyset file was written: every instance re-reads it. */
    public static final String KEYSET_CHANGED = "keyset-changed";
    /** The database lease of the instance that runs the re-encryption. */
    public static final String LEASE = "keyset-reencryption";

    private final Database database;
    private final KeyVault vault;
    private final AuditLog audit;
    private final Tenants tenants;
    private final Executor executor;
    private final int batchSize;
    private final ClusterLeases leases;
    private final ClusterBus bus;
    private final Duration leaseTime;
    /** Guards keyset changes and the start of a run: one change at a time, none while a run goes on. */
    private final Object lock = new Object();
    private volatile Reencryption progress = Reencryption.NONE;

    /**
     * {@code executor} runs each batch (in the container a ManagedExecutorService; in tests it may run
     * them on the calling thread). A rejected batch ends the run as interrupted, to be resumed later.
     */
    public KeysetRotation(Database database, KeyVault vault, AuditLog audit, Tenants tenants, Executor executor,
                          int batchSize) {
        this(database, vault, audit, tenants, executor, batchSize,
                new ClusterLeases(database, "local/" + UUID.randomUUID(), Clock.systemUTC()), new ClusterBus(),
                Duration.ofSeconds(30));
    }

    /** {@code leases} and {@code bus} reach the other instances of a cluster; {@code leaseTime} bounds a dead runner. */
    public KeysetRotation(Database database, KeyVault vault, AuditLog audit, Tenants tenants, Executor executor,
                          int batchSize, ClusterLeases leases, ClusterBus bus, Duration leaseTime) {
        this.leases = leases;
        this.bus = bus;
        this.leaseTime = leaseTime;
        this.database = database;
        this.vault = vault;
        this.audit = audit;
        this.tenants = tenants;
        this.executor = executor;
        this.batchSize = batchSize;
    }

    public KeysetStatus status() {
        MasterKeyset keyset = vault.keyset();
        Map<Integer, Long> underKey = new LinkedHashMap<>();
        long pending = 0;
        for (StoredSeal seal : seals()) {
            OptionalInt keyId = seal.keyId();
            keyId.ifPresent(id -> underKey.merge(id, 1L, Long::sum));
            if (keyId.isEmpty() || keyId.getAsInt() != keyset.primaryId()) {
                pending++;
            }
        }
        List<KeysetStatus.KeyUse> keys = keyset.keys().stream()
                .map(key -> new KeysetStatus.KeyUse(key, underKey.getOrDefault(key.id(), 0L))).toList();
        return new KeysetStatus(keys, pending, current());
    }

    /**
     * The latest re-encryption in the cluster: this instance's while it runs one, otherwise the report in the
     * lease (another instance's run, or an earlier one), whichever started later. A run whose instance stopped
     * renewing the lease shows as interrupted until another instance resumes it.
     */
    public Reencryption current() {
        Reencryption local = progress;
        if (local.running()) {
            return local;
        }
        Optional<ClusterLeases.Lease> lease = leases.read(LEASE);
        if (lease.isEmpty() || lease.get().state() == null) {
            return local;
        }
        Reencryption shared = ReencryptionReport.parse(lease.get().state()).progress();
        if (shared.running() && !lease.get().heldAt(leases.now())) {
            shared = shared.ended(Reencryption.State.INTERRUPTED, lease.get().expiresAt());
        }
        if (local.startedAt() != null && (shared.startedAt() == null || local.startedAt().isAfter(shared.startedAt()))) {
            return local;
        }
        return shared;
    }

    /**
     * Called every few seconds on every instance: renews the lease of a run of this instance; resumes a run
     * whose instance stopped renewing its lease (it died), on behalf of the operator who started it.
     */
    public void watch() {
        if (progress.running()) {
            leases.renew(LEASE, leaseTime, null);
            return;
        }
        Optional<ClusterLeases.Lease> lease = leases.read(LEASE);
        if (lease.isEmpty() || lease.get().state() == null || lease.get().heldAt(leases.now())) {
            return;
        }
        ReencryptionReport report = ReencryptionReport.parse(lease.get().state());
        if (!report.progress().running()) {
            return;
        }
        synchronized (lock) {
            if (progress.running() || !leases.acquire(LEASE, leaseTime)) {
                return;
            }
            LOG.warning(() -> "The re-encryption of tenant keys run by " + lease.get().holder()
                    + " stopped renewing its lease; resuming it here");
            // The keyset as the instance that rotated it wrote it, in case its notice never arrived here.
            vault.reload();
            start(report.actor(), "; resumed by " + leases.self() + " after " + lease.get().holder() + " stopped");
        }
    }

    /** Adds a new primary key (written to the keyset file, then used for every seal) and starts the run. */
    public void rotate(Actor actor) {
        synchronized (lock) {
            refuseWhileRunning("rotate");
            AuditEntry.Builder entry = AuditEntry.of(AuditEventType.KEYSET_KEY_ADDED).by(actor).target(TARGET);
            audit.checkWritable(TenantId.SYSTEM, entry.detail("adding a primary key").success());
            MasterKeyset changed = vault.keyset().withNewPrimary();
            vault.install(changed);
            bus.publish(KEYSET_CHANGED, changed.file().toString());
            audit.record(TenantId.SYSTEM, entry.detail("key " + Integer.toUnsignedString(changed.primaryId())
                    + " added as primary").success());
            reencrypt(actor);
        }
    }

    /** Starts (or resumes) moving every tenant key not under the primary key to it. */
    public void reencrypt(Actor actor) {
        synchronized (lock) {
            refuseWhileRunning("rotate");
            if (!leases.acquire(LEASE, leaseTime)) {
                throw new InvalidInputException("rotate", "keyset.running");
            }
            start(actor, "");
        }
    }

    /** Starts a run under the lease this instance has just taken; {@code note} ends the audit entry's detail. */
    private void start(Actor actor, String note) {
        try {
            int primary = vault.keyset().primaryId();
            List<TenantId> todo = seals().stream().filter(seal -> !seal.under(primary)).map(StoredSeal::tenant).toList();
            audit.record(TenantId.SYSTEM, AuditEntry.of(AuditEventType.KEYSET_REENCRYPTION_STARTED).by(actor)
                    .target(TARGET).detail(todo.size() + " tenant keys to re-encrypt under key "
                            + Integer.toUnsignedString(primary) + note).success());
            Reencryption started = update(previous -> Reencryption.started(todo.size(), Instant.now()));
            leases.renew(LEASE, leaseTime, ReencryptionReport.of(started, actor).toJson());
            submit(new Run(actor, primary, todo), 0);
        } catch (RuntimeException e) {
            if (!progress.running()) {
                leases.release(LEASE, null);
            }
            throw e;
        }
    }

    /**
     * Disables a key that is not the primary, refused while a run goes on or while any tenant key under it
     * still opens. A tenant key under it that does not open (corrupt) was already lost and is no reason to
     * keep the key; the audit entry counts such keys.
     */
    public void disable(Actor actor, int keyId) {
        synchronized (lock) {
            AuditEntry.Builder refused = AuditEntry.of(AuditEventType.KEYSET_KEY_DISABLED_ERROR).by(actor)
                    .target(TARGET).detail("key " + Integer.toUnsignedString(keyId));
            MasterKeyset keyset = vault.keyset();
            MasterKeyset.MasterKey key = keyset.keys().stream().filter(k -> k.id() == keyId).findFirst().orElse(null);
            if (key == null || !key.enabled()) {
                throw refuse(refused, "UNKNOWN_KEY", "keyset.disable.unknown");
            }
            if (key.primary()) {
                throw refuse(refused, "PRIMARY", "keyset.disable.primary");
            }
            if (current().running()) {
                throw refuse(refused, "REENCRYPTION_RUNNING", "keyset.disable.running");
            }
            Dependents dependents = dependents(keyId);
            if (dependents.readable() > 0) {
                throw refuse(refused.detail("key " + key.displayId() + " protects " + dependents.readable()
                        + " tenant keys"), "IN_USE", "keyset.disable.inUse", dependents.readable());
            }
            AuditEntry.Builder entry = AuditEntry.of(AuditEventType.KEYSET_KEY_DISABLED).by(actor).target(TARGET)
                    .detail("key " + key.displayId() + " disabled; " + dependents.unreadable()
                            + " unreadable tenant keys were under it");
            audit.checkWritable(TenantId.SYSTEM, entry.success());
            MasterKeyset changed = keyset.disable(keyId);
            vault.install(changed);
            bus.publish(KEYSET_CHANGED, changed.file().toString());
            audit.record(TenantId.SYSTEM, entry.success());
        }
    }

    private InvalidInputException refuse(AuditEntry.Builder entry, String reason, String messageKey, Object... arguments) {
        audit.record(TenantId.SYSTEM, entry.error(reason));
        return new InvalidInputException("key", messageKey, arguments);
    }

    private void refuseWhileRunning(String field) {
        if (current().running()) {
            throw new InvalidInputException(field, "keyset.running");
        }
    }

    /** One run: the tenants that were pending when it started, worked through a batch per task. */
    private record Run(Actor actor, int primary, List<TenantId> tenants) {
    }

    private void submit(Run run, int from) {
        try {
            executor.execute(() -> batch(run, from));
        } catch (RejectedExecutionException shuttingDown) {
            interrupted(run, "the executor refused the next batch (shutting down?)");
        }
    }

    private void batch(Run run, int from) {
        int to = Math.min(from + batchSize, run.tenants().size());
        try {
            for (TenantId tenant : run.tenants().subList(from, to)) {
                Outcome outcome = reencryptOne(tenant, run.primary());
                if (outcome.moved()) {
                    // Every instance reads the new ciphertext before the old key can be disabled.
                    bus.publish(ApiKeys.KEY_ROW_CHANGED, tenant.value());
                }
                update(outcome.failure() == null
                        ? (outcome.moved() ? Reencryption::movedOne : Reencryption::skippedOne)
                        : p -> p.failedOne(failed(run, tenant, outcome.failure())));
            }
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "The re-encryption of tenant keys stopped", e);
            interrupted(run, e.getClass().getSimpleName());
            return;
        }
        if (to < run.tenants().size()) {
            if (!leases.renew(LEASE, leaseTime, ReencryptionReport.of(progress, run.actor()).toJson())) {
                // Too slow to renew (a pause longer than the lease): another instance may have taken over.
                interrupted(run, "this instance lost the lease " + LEASE);
                return;
            }
            submit(run, to);
        } else {
            Reencryption done = update(p -> p.ended(Reencryption.State.FINISHED, Instant.now()));
            leases.release(LEASE, ReencryptionReport.of(done, run.actor()).toJson());
            audit.record(TenantId.SYSTEM, AuditEntry.of(AuditEventType.KEYSET_REENCRYPTION_FINISHED).by(run.actor())
                    .target(TARGET).detail(done.summary()).success());
        }
    }

    private record Outcome(boolean moved, String failure) {
        static final Outcome MOVED = new Outcome(true, null);
        static final Outcome UNCHANGED = new Outcome(false, null);
    }

    /**
     * Re-reads the tenant's key in its own transaction and seals it again under the primary. The row's
     * version is checked on update: if an admin replaced the key meanwhile, their key (already sealed
     * under the primary) wins and this one is left alone.
     */
    private Outcome reencryptOne(TenantId tenant, int primary) {
        try {
            return database.inTenant(tenant, session -> {
                TenantApiKey key = session.createSelectionQuery("from TenantApiKey", TenantApiKey.class)
                        .uniqueResultOptional().orElse(null);
                if (key == null || StoredSeal.under(key.ciphertext(), primary)) {
                    return Outcome.UNCHANGED;
                }
                key.reseal(vault.seal(tenant, vault.open(tenant, key.ciphertext())));
                // Flushed here, not at commit, so a version conflict arrives as itself and not wrapped in a RollbackException.
                session.flush();
                return Outcome.MOVED;
            });
        } catch (KeyVaultException unreadable) {
            return new Outcome(false, "UNREADABLE");
        } catch (jakarta.persistence.PersistenceException e) {
            if (changedMeanwhile(e)) {
                return Outcome.UNCHANGED;
            }
            // One tenant's database trouble should not stop the others; it is reported like a bad key.
            LOG.log(Level.WARNING, "Could not re-encrypt the key of tenant " + tenant.value(), e);
            return new Outcome(false, "DATABASE_ERROR");
        }
    }

    /** Whether {@code e} is a version conflict: someone changed the row between our read and our update. */
    static boolean changedMeanwhile(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
                return true;
            }
        }
        return false;
    }

    private Reencryption.FailedTenant failed(Run run, TenantId tenant, String reason) {
        String name = tenants.find(tenant).map(Tenant::name).orElse("?");
        audit.record(TenantId.SYSTEM, AuditEntry.of(AuditEventType.KEYSET_REENCRYPTION_ERROR).by(run.actor())
                .target(tenant.value()).detail("tenant " + name + ": key left as it was").error(reason));
        return new Reencryption.FailedTenant(tenant.value(), name, reason);
    }

    private void interrupted(Run run, String why) {
        Reencryption stopped = update(p -> p.ended(Reencryption.State.INTERRUPTED, Instant.now()));
        try {
            leases.release(LEASE, ReencryptionReport.of(stopped, run.actor()).toJson());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The lease of the interrupted re-encryption could not be released", e);
        }
        try {
            audit.record(TenantId.SYSTEM, AuditEntry.of(AuditEventType.KEYSET_REENCRYPTION_ERROR).by(run.actor())
                    .target(TARGET).detail(stopped.summary() + "; " + why).error("INTERRUPTED"));
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "The interrupted re-encryption could not be audited", e);
        }
    }

    private Reencryption update(UnaryOperator<Reencryption> change) {
        synchronized (this) {
            progress = change.apply(progress);
            return progress;
        }
    }

    private record Dependents(long readable, long unreadable) {
    }

    private Dependents dependents(int keyId) {
        long readable = 0;
        long unreadable = 0;
        for (StoredSeal seal : seals()) {
            if (seal.under(keyId)) {
                try {
                    vault.open(seal.tenant(), seal.ciphertext());
                    readable++;
                } catch (KeyVaultException e) {
                    unreadable++;
                }
            }
        }
        return new Dependents(readable, unreadable);
    }

    /** Every tenant's stored ciphertext, read in the system view (which sees all tenants' rows). */
    private List<StoredSeal> seals() {
        return database.asSystem(session -> session.createSelectionQuery(
                        "select k.tenantId, k.ciphertext from TenantApiKey k order by k.tenantId", Object[].class)
                .getResultList().stream()
                .map(row -> new StoredSeal(new TenantId((String) row[0]), (String) row[1])).toList());
    }

    /** A tenant's ciphertext as stored; which master key sealed it is read from its prefix. */
    private record StoredSeal(TenantId tenant, String ciphertext) {
        OptionalInt keyId() {
            return CiphertextPrefix.keyId(ciphertext);
        }

        boolean under(int keyId) {
            return under(ciphertext, keyId);
        }

        static boolean under(String ciphertext, int keyId) {
            OptionalInt id = CiphertextPrefix.keyId(ciphertext);
            return id.isPresent() && id.getAsInt() == keyId;
        }
    }
}
