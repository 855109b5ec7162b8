package com.mimeeqportal.tenant;

import com.mimeeqportal.input.InvalidInputException;

/**
 * How many days a tenant's audit entries are kept: 0 (forever) or 1 to 3,650 (ten years). The operator's
 * floor ({@code portal.audit.retention-floor-days}) is applied on top: see {@link #atLeast}.
 */
public record AuditRetention(int days) {

    public static final int MAX_DAYS = 3650;
    public static final AuditRetention FOREVER = new AuditRetention(0);

    public AuditRetention {
        if (days < 0 || days > MAX_DAYS) {
            throw new InvalidInputException("retentionDays", "validation.audit.retention", MAX_DAYS);
        }
    }

    /** From a form field: whole days, digits only. */
    public static AuditRetention parse(String raw) {
        String value = raw == null ? "" : raw.strip();
        if (value.isEmpty()) {
            throw new InvalidInputException("retentionDays", "validation.required");
        }
        if (value.length() > 4 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidInputException("retentionDays", "validation.audit.retention", MAX_DAYS);
        }
        return new AuditRetention(Integer.parseInt(value));
    }

    public boolean forever() {
        return days == 0;
    }

    /** Whether entries are kept at least as long as under {@code other} (forever is the longest). */
    public boolean keepsAtLeastAsLongAs(AuditRetention other) {
        return forever() || (!other.forever() && days >= other.days);
    }

    /** This retention, raised to {@code floorDays} if it is shorter: what the purge applies. */
    public AuditRetention atLeast(int floorDays) {
        AuditRetention floor = new AuditRetention(Math.min(floorDays, MAX_DAYS));
        return keepsAtLeastAsLongAs(floor) ? this : floor;
    }
}
