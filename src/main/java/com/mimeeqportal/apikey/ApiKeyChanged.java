package com.mimeeqportal.apikey;

import com.mimeeqportal.identity.TenantId;

/** CDI event: a tenant's key was set or replaced, so anything fetched with the old key is stale. */
public record ApiKeyChanged(TenantId tenant) {
}
