/**
 * The audit log: events built in Keycloak's style (paired X / X_ERROR types with a reason), written
 * through a tenant-bound session so an entry always lands in its tenant, and the pages that list them.
 */
package com.mimeeqportal.audit;
