package com.mimeeqportal.audit;

import com.mimeeqportal.identity.Actor;
import com.mimeeqportal.identity.TenantId;
import com.mimeeqportal.input.InvalidInputException;
import com.mimeeqportal.system.PortalConfig;
import com.mimeeqportal.tenant.AuditRetention;
import com.mimeeqportal.tenant.Tenants;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Writer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;
import java.util.function.BooleanSupplier;

/**
 * What admins and the operator do to the audit log itself (verify it, export it, change how long it is
 * kept), each written into the log. An export and a retention change are recorded before they happen,
 * so neither happens unaudited; a verification is recorded with its result.
 */
@ApplicationScoped
public class AuditAdministration {

    /** Opens the export's output once the entry is written (the page sets its headers there). */
    @FunctionalInterface
    public interface Output {
        Writer open() throws IOException;
    }

    private final AuditLog audit;
    private final AuditVerifier verifier;
    private final AuditSearch search;
    private final Tenants tenants;
    private final int retentionFloorDays;
    private final ExportLimits exportLimits;
    private final Clock clock;
    /** The last verification of each chain, so that reloading the page does not re-hash the whole chain. */
    private final Map<TenantId, ChainVerification> recent = new ConcurrentHashMap<>();

    /** How long a page view shows the last verification instead of walking the chain again. */
    static final Duration REUSE = Duration.ofSeconds(60);
    /** Per tenant, the exports that may stream at once on this instance. */
    private final ConcurrentMap<TenantId, Semaphore> exportSlots = new ConcurrentHashMap<>();

    /** How many exports one tenant may stream at once, and for how long each. */
    public record ExportLimits(int concurrentPerTenant, Duration maxDuration) {
        public ExportLimits {
            if (concurrentPerTenant < 1 || maxDuration.isNegative() || maxDuration.isZero()) {
                throw new IllegalArgumentException("Export limits must be positive");
            }
        }
    }

    @Inject
    public AuditAdministration(AuditLog audit, AuditVerifier verifier, AuditSearch search, Tenants tenants,
                               PortalConfig config) {
        this(audit, verifier, search, tenants, config.auditRetentionFloorDays(),
                new ExportLimits(config.auditExportsPerTenant(), config.auditExportMaxDuration()), Clock.systemUTC());
    }

    public AuditAdministration(AuditLog audit, AuditVerifier verifier, AuditSearch search, Tenants tenants,
                               int retentionFloorDays, ExportLimits exportLimits, Clock clock) {
        this.audit = audit;
        this.verifier = verifier;
        this.search = search;
        this.tenants = tenants;
        this.retentionFloorDays = retentionFloorDays;
        this.exportLimits = exportLimits;
        this.clock = clock;
    }

    protected AuditAdministration() {
        this(null, null, null, null, 1, new ExportLimits(1, Duration.ofSeconds(1)), Clock.systemUTC());
    }

    /**
     * Walks the actor's chain; with {@code checkpoint} (the page's POST, "verify now"), an intact head is also
     * written outside the database. A page view (no checkpoint) within {@link #REUSE} of the chain's last
     * verification shows that one, with its time, and writes no entry: a walk costs a MAC per entry, and
     * reloading a page must not be a way to make the server hash a long chain again and again.
     */
    public ChainVerification verify(Actor actor, String target, boolean checkpoint) {
        if (!checkpoint) {
            ChainVerification last = recent.get(actor.tenant());
            if (last != null && last.at().isAfter(clock.instant().minus(REUSE))) {
                return last;
            }
        }
        ChainVerification result = checkpoint ? verifier.verifyAndCheckpoint(actor.tenant()) : verifier.verify(actor.tenant());
        recent.put(actor.tenant(), result);
        audit.record(actor.tenant(), AuditVerifications.entry(
                AuditEntry.of(AuditEventType.AUDIT_VERIFY).by(actor).target(target), result));
        return result;
    }

    /**
     * Streams the filtered entries; the export is audited first, and nothing is exported if that fails.
     * Limits, so a few slow downloads cannot starve everyone: at most {@code concurrentPerTenant} exports of
     * one tenant stream at once (one more throws {@link ExportsBusyException} before anything is written),
     * and each stops after {@code maxDuration}, ending its file with a line that says it was cut off. The
     * database is read in short batches ({@link AuditSearch#stream}), so a slow reader holds a thread but
     * never a pooled connection.
     */
    public void export(Actor actor, String target, AuditExport.Format format, AuditFilter filter, Output output)
            throws IOException {
        Semaphore slots = exportSlots.computeIfAbsent(actor.tenant(), t -> new Semaphore(exportLimits.concurrentPerTenant()));
        if (!slots.tryAcquire()) {
            audit.record(actor.tenant(), AuditEntry.of(AuditEventType.AUDIT_EXPORT).by(actor).target(target)
                    .detail(format.extension() + " " + filter.describe()).error("TOO_MANY_EXPORTS"));
            throw new ExportsBusyException();
        }
        try {
            audit.record(actor.tenant(), AuditEntry.of(AuditEventType.AUDIT_EXPORT).by(actor)
                    .target(target).detail(format.extension() + " " + filter.describe()).success());
            Instant deadline = clock.instant().plus(exportLimits.maxDuration());
            BooleanSupplier late = () -> !clock.instant().isBefore(deadline);
            try (AuditExport.Sink sink = AuditExport.to(format, output.open())) {
                long exported = search.stream(actor.tenant(), filter, sink, late);
                if (late.getAsBoolean()) {
                    String note = "cut off after " + exported + " entries: the time limit of "
                            + exportLimits.maxDuration().toSeconds() + " seconds for one export was reached";
                    sink.cutOff(note);
                    audit.record(actor.tenant(), AuditEntry.of(AuditEventType.AUDIT_EXPORT).by(actor).target(target)
                            .detail(note).error("TIME_LIMIT"));
                }
            }
        } finally {
            slots.release();
        }
    }

    /** The retention in force: the tenant's setting, raised to the operator's floor. */
    public AuditRetention retention(TenantId tenant) {
        return tenants.find(tenant).orElseThrow().auditRetention().atLeast(retentionFloorDays);
    }

    public int retentionFloorDays() {
        return retentionFloorDays;
    }

    /**
     * Lengthens the tenant's retention. An admin can never shorten it, nor set it below the operator's
     * floor: otherwise the hourly purge would erase the history, including the entry of the change. The
     * change is written to the tenant's chain first (an unauditable change does not happen) and to the
     * operator's system chain, which an admin can't purge. A refusal is audited in both too.
     */
    public void changeRetention(Actor actor, AuditRetention retention) {
        AuditRetention previous = retention(actor.tenant());
        String detail = days(previous) + " -> " + days(retention);
        if (!retention.keepsAtLeastAsLongAs(previous)) {
            String reason = retention.keepsAtLeastAsLongAs(new AuditRetention(retentionFloorDays)) ? "SHORTER" : "BELOW_FLOOR";
            AuditEntry refused = AuditEntry.of(AuditEventType.AUDIT_RETENTION_SET).by(actor)
                    .target("audit-retention").detail(detail).error(reason);
            audit.record(actor.tenant(), refused);
            audit.record(TenantId.SYSTEM, systemCopy(actor, detail).error(reason));
            throw reason.equals("SHORTER")
                    ? new InvalidInputException("retentionDays", "validation.audit.retention.shorter", previous.days())
                    : new InvalidInputException("retentionDays", "validation.audit.retention.floor", retentionFloorDays);
        }
        audit.record(actor.tenant(), AuditEntry.of(AuditEventType.AUDIT_RETENTION_SET).by(actor)
                .target("audit-retention").detail(detail).success());
        audit.record(TenantId.SYSTEM, systemCopy(actor, detail).success());
        tenants.changeAuditRetention(actor.tenant(), retention);
    }

    private static AuditEntry.Builder systemCopy(Actor actor, String detail) {
        return AuditEntry.of(AuditEventType.AUDIT_RETENTION_SET).by(actor)
                .target("audit-retention of tenant " + actor.tenant().value()).detail(detail);
    }

    /** For the audit entry's detail (data, not page text: the message on the page is worded per language). */
    private static String days(AuditRetention retention) {
        return retention.forever() ? "forever" : retention.days() + " days";
    }
}
