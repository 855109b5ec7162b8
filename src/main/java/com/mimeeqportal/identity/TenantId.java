package com.mimeeqportal.identity;

import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A tenant's identity: a UUID, or {@link #SYSTEM} for what belongs to no customer account (operators,
 * system audit events). It comes from the signed-in user, never from a request parameter.
 */
public record TenantId(String value) implements java.io.Serializable {

    public static final TenantId SYSTEM = new TenantId("system");

    private static final Pattern UUID_FORM = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    public TenantId {
        Objects.requireNonNull(value, "tenant id");
        if (!value.equals("system") && !UUID_FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("Not a tenant id");
        }
    }

    public static TenantId random() {
        return new TenantId(UUID.randomUUID().toString());
    }

    public boolean isSystem() {
        return equals(SYSTEM);
    }

    @Override
    public String toString() {
        return value;
    }
}
