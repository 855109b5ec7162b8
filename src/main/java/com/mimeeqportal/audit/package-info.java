/**
 * The audit log: events built in Keycloak's style (paired X / X_ERROR types with a reason), appended to
 * one hash chain per tenant (and one for the system) under an HMAC keyed outside the database, and
 * verified, checkpointed, searched, exported and purged here. Appends are serialised per tenant by a
 * row lock on the chain's head, so several portal instances can share one PostgreSQL.
 */
package com.mimeeqportal.audit;
